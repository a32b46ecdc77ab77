package io.numicoin.events.testing;

import io.numicoin.events.BlockConnected;
import io.numicoin.events.BlockDisconnected;
import io.numicoin.events.Event;
import io.numicoin.events.EventMeta;
import io.numicoin.events.MempoolEvent;
import io.numicoin.events.PeerObservation;
import io.numicoin.events.TransactionSeen;
import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.codec.SpendingPolicyCodec;
import io.numicoin.protocol.crypto.MlDsaPublicKey;
import io.numicoin.protocol.crypto.MlDsaSignature;
import io.numicoin.protocol.crypto.SpendingPolicy;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.money.Amount;
import io.numicoin.protocol.pow.CompactTarget;
import io.numicoin.protocol.tx.CoinbaseTx;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.protocol.crypto.TxSignature;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The events behind the golden vectors ({@code golden/events.txt}) and the fuzz seeds, built field
 * by field from fixed values. Keys and signatures are byte patterns, not real ML-DSA values.
 */
public final class EventFixtures {

    /** The regtest-like chain id of every fixture. */
    public static final int CHAIN_ID = 0x4e554d49;

    private EventFixtures() {
    }

    public static byte[] pattern(int seed, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = (byte) (seed * 7 + i * 13);
        }
        return out;
    }

    public static Hash256 hash(int seed) {
        return Hash256.of(pattern(seed, Hash256.SIZE));
    }

    static EventMeta meta(long sequence) {
        return new EventMeta(CHAIN_ID, sequence, 1_764_072_000_000L + sequence * 1_000);
    }

    public static CoinbaseTx coinbase(long height) {
        return new CoinbaseTx(CHAIN_ID, height, new Address(hash(1)), Amount.ofUnits(8_888_000_000L),
                Bytes.of("golden".getBytes(StandardCharsets.US_ASCII)));
    }

    /** A one-key transfer with nonce {@code nonce}; signed (one pattern signature) or not. */
    public static TransferTx transfer(long nonce, boolean signed) {
        SpendingPolicy policy = SpendingPolicy.singleKey(new MlDsaPublicKey(Bytes.of(pattern(3, MlDsaPublicKey.SIZE))));
        List<TxSignature> signatures = signed
                ? List.of(new TxSignature(0, new MlDsaSignature(Bytes.of(pattern(4, MlDsaSignature.SIZE)))))
                : List.of();
        return new TransferTx(CHAIN_ID, SpendingPolicyCodec.address(policy), nonce, new Address(hash(2)),
                Amount.ofUnits(150_000_000L), Amount.ofUnits(12_345L), 0, Bytes.EMPTY, policy, signatures);
    }

    public static Block block(long height, boolean withTransfer) {
        BlockHeader header = new BlockHeader(BlockHeader.CURRENT_VERSION, height, hash(10 + (int) height), hash(20),
                hash(30), 1_764_072_000L + height * 30, CompactTarget.fromTarget(BigInteger.ONE.shiftLeft(240)), 42);
        return new Block(header, withTransfer ? List.of(coinbase(height), transfer(1, true)) : List.of(coinbase(height)));
    }

    /** Every golden event by label, in file order. */
    public static Map<String, Event> events() {
        Map<String, Event> events = new LinkedHashMap<>();
        events.put("block-connected-genesis", BlockConnected.of(meta(0), BigInteger.valueOf(65_537), block(0, false)));
        events.put("block-connected", BlockConnected.of(meta(1), new BigInteger("123456789abcdef0123456789", 16), block(7, true)));
        events.put("block-disconnected", BlockDisconnected.of(meta(2), BigInteger.ONE.shiftLeft(300), block(8, false)));
        events.put("tx-seen-api", TransactionSeen.fromApi(meta(3), transfer(2, false), 1_764_072_001_234L));
        events.put("tx-seen-peer", TransactionSeen.fromPeer(meta(4), transfer(3, true), 1_764_072_002_345L,
                "12D3KooWGoldenPeerIdGoldenPeerIdGoldenPeerIdGolden"));
        events.put("mempool-accepted", MempoolEvent.Accepted.of(meta(5), transfer(2, false), 6_000, 8));
        events.put("mempool-removed-included", new MempoolEvent.Removed(meta(6), hash(40), new Address(hash(41)),
                MempoolEvent.RemovalReason.INCLUDED_IN_BLOCK));
        events.put("mempool-removed-conflict", new MempoolEvent.Removed(meta(7), hash(42), new Address(hash(43)),
                MempoolEvent.RemovalReason.CONFLICT));
        events.put("peer-success", new PeerObservation(meta(8), "/ip4/203.0.113.7/tcp/8333",
                "12D3KooWGoldenPeerIdGoldenPeerIdGoldenPeerIdGolden", "numi/0.1.0", 1_234, PeerObservation.Outcome.SUCCESS,
                1_764_072_003_456L));
        events.put("peer-failure", new PeerObservation(meta(9), "/dns4/seed.example.org/tcp/8333", "12D3KooWUnreached", "",
                0, PeerObservation.Outcome.FAILURE, 1_764_072_004_567L));
        return events;
    }
}
