package io.numicoin.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.events.testing.EventFixtures;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import java.math.BigInteger;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The invariants event records keep, whoever builds them. */
class EventRecordsTest {

    private static final EventMeta META = new EventMeta(1, 2, 3);

    @Test
    void chainEventsTellTheTipAfterThem() {
        Block block = EventFixtures.block(8, false);
        BlockConnected connected = BlockConnected.of(META, BigInteger.TEN, block);
        BlockDisconnected disconnected = BlockDisconnected.of(META, BigInteger.TWO, block);

        assertThat(connected.blockId()).isEqualTo(BlockHeaderCodec.id(block.header()));
        assertThat(connected.tipIdAfter()).isEqualTo(connected.blockId());
        assertThat(connected.tipHeightAfter()).isEqualTo(8);
        assertThat(connected.tipWorkAfter()).isEqualTo(BigInteger.TEN);
        assertThat(disconnected.tipIdAfter()).isEqualTo(block.header().previousId());
        assertThat(disconnected.tipHeightAfter()).isEqualTo(7);
        assertThat(disconnected.tipWorkAfter()).isEqualTo(BigInteger.TWO);
    }

    @Test
    void chainEventsRefuseInconsistentIdsHeightsAndWork() {
        Block block = EventFixtures.block(8, false);
        var id = BlockHeaderCodec.id(block.header());
        assertThatThrownBy(() -> new BlockConnected(META, EventFixtures.hash(1), 8, BigInteger.ONE, block))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BlockConnected(META, id, 9, BigInteger.ONE, block)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BlockConnected(META, id, 8, BigInteger.ZERO, block)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BlockConnected(META, id, 8, BigInteger.ONE.shiftLeft(512), block))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BlockDisconnected.of(META, BigInteger.ONE, EventFixtures.block(0, false)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void transactionSeenHasAPeerIdExactlyFromPeers() {
        var tx = EventFixtures.transfer(1, false);
        assertThatThrownBy(() -> new TransactionSeen(META, tx, TransactionSeen.Source.API, 0, Optional.of("p")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TransactionSeen(META, tx, TransactionSeen.Source.PEER, 0, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TransactionSeen.fromPeer(META, tx, 0, "p".repeat(129))).isInstanceOf(IllegalArgumentException.class);
        assertThat(TransactionSeen.fromPeer(META, tx, 0, "p").sender()).isEqualTo(tx.sender());
    }

    @Test
    void acceptedChecksItsTxid() {
        var tx = EventFixtures.transfer(1, false);
        assertThatThrownBy(() -> new MempoolEvent.Accepted(META, EventFixtures.hash(9), tx, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(MempoolEvent.Accepted.of(META, tx, 1, 1).sender()).isEqualTo(tx.sender());
    }

    @Test
    void peerTextIsBoundedPrintableAscii() {
        assertThatThrownBy(() -> new PeerObservation(META, "", "p", "", 0, PeerObservation.Outcome.SUCCESS, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PeerObservation(META, "/ip4/1.2.3.4", "p", "agent\u00e9", 0, PeerObservation.Outcome.SUCCESS, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(PrintableAscii.sanitize("numi\u00e9/1.0\n", 8)).isEqualTo("numi?/1.");
        assertThat(PrintableAscii.sanitize("ok", 256)).isEqualTo("ok");
    }
}
