package io.numicoin.events.testing;

import io.numicoin.events.BlockConnected;
import io.numicoin.events.BlockDisconnected;
import io.numicoin.events.ChainEvent;
import io.numicoin.events.EventMeta;
import io.numicoin.events.MempoolEvent;
import io.numicoin.events.PeerObservation;
import io.numicoin.events.TransactionSeen;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.testing.RandomProtocolValues;
import java.math.BigInteger;
import java.util.Optional;
import java.util.Random;

/**
 * Random events from a seeded generator, boundary values (0, maxima, empty and full text) often.
 * The protocol values inside them come from protocol's {@link RandomProtocolValues} (its test-jar);
 * keys and signatures are random bytes, since codecs do not check cryptography.
 */
public final class RandomEvents {

    private final RandomProtocolValues values;
    private final Random random;

    public RandomEvents(long seed) {
        this.values = new RandomProtocolValues(seed);
        this.random = values.random();
    }

    public Random random() {
        return random;
    }

    public EventMeta meta() {
        return new EventMeta(random.nextInt(), values.upTo(Long.MAX_VALUE), values.upTo(Long.MAX_VALUE));
    }

    /** A positive work of 1 to 512 bits. */
    public BigInteger work() {
        BigInteger work = new BigInteger(1 + random.nextInt(ChainEvent.MAX_WORK_BITS), random);
        return work.signum() == 0 ? BigInteger.ONE : work;
    }

    /** Printable ASCII of {@code min} to {@code max} characters. */
    public String text(int min, int max) {
        int length = random.nextInt(4) == 0 ? max : min + random.nextInt(max - min + 1);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append((char) (0x20 + random.nextInt(0x5f)));
        }
        return out.toString();
    }

    /** A block of a coinbase and up to {@code maxTransfers} transfers whose header says {@code height}. */
    public Block block(long height, int maxTransfers) {
        Block block = values.block(maxTransfers);
        BlockHeader h = block.header();
        return new Block(new BlockHeader(h.version(), height, h.previousId(), h.merkleRoot(), h.stateCommitment(),
                h.timestamp(), h.target(), h.nonce()), block.transactions());
    }

    public ChainEvent chainEvent(int maxTransfers) {
        long height = 1 + values.upTo(Long.MAX_VALUE - 1);
        return random.nextBoolean()
                ? BlockConnected.of(meta(), work(), block(random.nextInt(8) == 0 ? 0 : height, maxTransfers))
                : BlockDisconnected.of(meta(), work(), block(height, maxTransfers));
    }

    public TransactionSeen transactionSeen() {
        boolean peer = random.nextBoolean();
        return new TransactionSeen(meta(), values.transfer(), peer ? TransactionSeen.Source.PEER : TransactionSeen.Source.API,
                values.upTo(Long.MAX_VALUE), peer ? Optional.of(text(1, TransactionSeen.MAX_PEER_ID_CHARS)) : Optional.empty());
    }

    public MempoolEvent mempoolEvent() {
        if (random.nextBoolean()) {
            return MempoolEvent.Accepted.of(meta(), values.transfer(), values.upTo(Long.MAX_VALUE), values.upTo(Long.MAX_VALUE));
        }
        MempoolEvent.RemovalReason[] reasons = MempoolEvent.RemovalReason.values();
        return new MempoolEvent.Removed(meta(), values.hash(), values.address(), reasons[random.nextInt(reasons.length)]);
    }

    public PeerObservation peerObservation() {
        PeerObservation.Outcome[] outcomes = PeerObservation.Outcome.values();
        return new PeerObservation(meta(), text(1, PeerObservation.MAX_ADDRESS_CHARS),
                text(1, PeerObservation.MAX_PEER_ID_CHARS), text(0, PeerObservation.MAX_AGENT_CHARS),
                values.upTo(Long.MAX_VALUE), outcomes[random.nextInt(outcomes.length)], values.upTo(Long.MAX_VALUE));
    }
}
