package io.numicoin.events.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.events.EventDecodeError;
import io.numicoin.events.EventDecodeException;
import io.numicoin.events.EventMeta;
import io.numicoin.events.EventType;
import io.numicoin.events.Topics;
import io.numicoin.events.testing.EventFixtures;
import io.numicoin.protocol.codec.BlockCodec;
import io.numicoin.protocol.codec.ByteWriter;
import io.numicoin.protocol.codec.TransactionCodec;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Payload fields a decoder refuses, each built by hand behind a valid envelope. */
class PayloadRulesTest {

    private static final EventMeta META = new EventMeta(EventFixtures.CHAIN_ID, 5, 1_000);
    private static final byte[] TRANSFER = TransactionCodec.encode(EventFixtures.transfer(1, false));
    private static final byte[] BLOCK = BlockCodec.encode(EventFixtures.block(0, false));

    private static byte[] record(EventType type, ByteWriter payload) {
        byte[] bytes = payload.toByteArray();
        ByteWriter writer = EnvelopeCodec.start(type, META, bytes.length);
        writer.bytes(bytes);
        return EnvelopeCodec.finish(writer, bytes.length);
    }

    private static EventDecodeError refusal(String topic, byte[] record) {
        try {
            EventCodecs.decode(topic, record);
        } catch (EventDecodeException e) {
            return e.error();
        }
        throw new AssertionError("accepted " + HexFormat.of().formatHex(record));
    }

    private static ByteWriter work(int... bytes) {
        ByteWriter writer = new ByteWriter(64).u8(bytes.length);
        for (int b : bytes) {
            writer.u8(b);
        }
        return writer;
    }

    @Test
    void chainWorkMustBePositiveMinimalAndAtMost64Bytes() {
        var connected = EventType.BLOCK_CONNECTED;
        assertThat(refusal(Topics.CHAIN, record(connected, work().i32(BLOCK.length).bytes(BLOCK))))
                .isEqualTo(EventDecodeError.OUT_OF_RANGE);
        assertThat(refusal(Topics.CHAIN, record(connected, work(0, 1).i32(BLOCK.length).bytes(BLOCK))))
                .isEqualTo(EventDecodeError.NON_CANONICAL);
        ByteWriter tooLong = new ByteWriter(128).u8(65).bytes(new byte[65]);
        assertThat(refusal(Topics.CHAIN, record(connected, tooLong.i32(BLOCK.length).bytes(BLOCK))))
                .isEqualTo(EventDecodeError.TOO_LARGE);
    }

    @Test
    void blockLengthIsBoundedAndGenesisIsNeverDisconnected() throws EventDecodeException {
        var disconnected = EventType.BLOCK_DISCONNECTED;
        assertThat(refusal(Topics.CHAIN, record(disconnected, work(1).i32(BLOCK.length).bytes(BLOCK))))
                .isEqualTo(EventDecodeError.OUT_OF_RANGE);
        assertThat(refusal(Topics.CHAIN, record(disconnected, work(1).i32(2 * 1024 * 1024 + 1).bytes(BLOCK))))
                .isEqualTo(EventDecodeError.TOO_LARGE);
        var connected = EventType.BLOCK_CONNECTED;
        assertThat(ChainEventCodec.decode(record(connected, work(1).i32(BLOCK.length).bytes(BLOCK))).height()).isZero();
    }

    @Test
    void aTransactionSeenIsATransferWithAPeerIdExactlyFromPeers() throws EventDecodeException {
        var seen = EventType.TRANSACTION_SEEN;
        byte[] coinbase = TransactionCodec.encode(EventFixtures.coinbase(3));
        assertThat(refusal(Topics.TX, record(seen, new ByteWriter(256).u8(0).i64(1).u16(0).i32(coinbase.length).bytes(coinbase))))
                .isEqualTo(EventDecodeError.OUT_OF_RANGE);
        assertThat(refusal(Topics.TX, record(seen, new ByteWriter(256).u8(0).i64(1).u16(1).u8('p').i32(TRANSFER.length).bytes(TRANSFER))))
                .isEqualTo(EventDecodeError.OUT_OF_RANGE);
        assertThat(refusal(Topics.TX, record(seen, new ByteWriter(256).u8(1).i64(1).u16(0).i32(TRANSFER.length).bytes(TRANSFER))))
                .isEqualTo(EventDecodeError.OUT_OF_RANGE);
        assertThat(refusal(Topics.TX, record(seen, new ByteWriter(256).u8(2).i64(1).u16(0).i32(TRANSFER.length).bytes(TRANSFER))))
                .isEqualTo(EventDecodeError.OUT_OF_RANGE);
        assertThat(refusal(Topics.TX, record(seen, new ByteWriter(256).u8(1).i64(1).u16(1).u8(0x7f).i32(TRANSFER.length).bytes(TRANSFER))))
                .isEqualTo(EventDecodeError.OUT_OF_RANGE);
        assertThat(refusal(Topics.TX, record(seen, new ByteWriter(256).u8(0).i64(1).u16(0).i32(64 * 1024 + 1).bytes(TRANSFER))))
                .isEqualTo(EventDecodeError.TOO_LARGE);
        assertThat(TransactionSeenCodec.decode(record(seen, new ByteWriter(256).u8(1).i64(1).u16(1).u8('p').i32(TRANSFER.length).bytes(TRANSFER)))
                .peerId()).contains("p");
    }

    @Test
    void unknownRemovalReasonsAndOutcomesAreRefused() {
        var removed = EventType.MEMPOOL_REMOVED;
        assertThat(refusal(Topics.MEMPOOL, record(removed, new ByteWriter(80).bytes(new byte[64]).u8(6))))
                .isEqualTo(EventDecodeError.OUT_OF_RANGE);
        var peer = EventType.PEER_OBSERVED;
        assertThat(refusal(Topics.PEERS, record(peer, new ByteWriter(80).u16(1).u8('a').u16(1).u8('p').u16(0).i64(0).u8(2).i64(0))))
                .isEqualTo(EventDecodeError.OUT_OF_RANGE);
        assertThat(refusal(Topics.PEERS, record(peer, new ByteWriter(80).u16(0).u16(1).u8('p').u16(0).i64(0).u8(0).i64(0))))
                .isEqualTo(EventDecodeError.OUT_OF_RANGE);
        assertThat(refusal(Topics.PEERS, record(peer, new ByteWriter(80).u16(1).u8('a').u16(129).bytes(new byte[129]))))
                .isEqualTo(EventDecodeError.TOO_LARGE);
    }
}
