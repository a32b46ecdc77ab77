package io.numicoin.events.testing;

import io.numicoin.events.ChainEvent;
import io.numicoin.events.Event;
import io.numicoin.events.EventDecodeException;
import io.numicoin.events.MempoolEvent;
import io.numicoin.events.PeerObservation;
import io.numicoin.events.TransactionSeen;
import io.numicoin.events.codec.ChainEventCodec;
import io.numicoin.events.codec.EnvelopeCodec;
import io.numicoin.events.codec.MempoolEventCodec;
import io.numicoin.events.codec.PeerObservationCodec;
import io.numicoin.events.codec.TransactionSeenCodec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;

/**
 * The contract every event decoder keeps, checked by mutation and fuzz tests: any input either is
 * refused with an {@link EventDecodeException} carrying a reason, or decodes to an event that
 * encodes to exactly that input, or (a later schema version with fields this code ignores) to an
 * event whose encoding decodes to the same event. Any other exception escapes as a failure.
 */
public record EventContract<T extends Event>(String name, Decoder<T> decoder, Function<T, byte[]> encoder) {

    /** A decoder as a function that may refuse its input. */
    @FunctionalInterface
    public interface Decoder<T> {
        T decode(byte[] bytes) throws EventDecodeException;
    }

    public static final EventContract<ChainEvent> CHAIN =
            new EventContract<>("chain", ChainEventCodec::decode, ChainEventCodec::encode);
    public static final EventContract<TransactionSeen> TX =
            new EventContract<>("tx", TransactionSeenCodec::decode, TransactionSeenCodec::encode);
    public static final EventContract<MempoolEvent> MEMPOOL =
            new EventContract<>("mempool", MempoolEventCodec::decode, MempoolEventCodec::encode);
    public static final EventContract<PeerObservation> PEERS =
            new EventContract<>("peers", PeerObservationCodec::decode, PeerObservationCodec::encode);

    /**
     * Decodes {@code input}; empty if it was refused.
     *
     * @throws AssertionError if the contract is broken
     */
    public Optional<T> check(byte[] input) {
        T value;
        try {
            value = decoder.decode(input);
        } catch (EventDecodeException refused) {
            if (refused.error() == null) {
                throw new AssertionError(name + " refused without a reason");
            }
            return Optional.empty();
        }
        byte[] again = encoder.apply(value);
        if (Arrays.equals(again, input)) {
            return Optional.of(value);
        }
        int schemaVersion;
        try {
            schemaVersion = EnvelopeCodec.peek(input).schemaVersion();
        } catch (EventDecodeException e) {
            throw new AssertionError(name + " decoded an input whose envelope peek refuses", e);
        }
        if (schemaVersion == value.type().schemaVersion()) {
            throw new AssertionError(name + " decoded " + abbreviate(input) + " to " + value
                    + ", which encodes to other bytes " + abbreviate(again));
        }
        try {
            if (!decoder.decode(again).equals(value)) {
                throw new AssertionError(name + ": a later schema's event does not survive re-encoding: " + value);
            }
        } catch (EventDecodeException e) {
            throw new AssertionError(name + " refuses its own encoding of " + value, e);
        }
        return Optional.of(value);
    }

    public byte[] encode(T value) {
        return encoder.apply(value);
    }

    private static String abbreviate(byte[] bytes) {
        String hex = HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, 48));
        return bytes.length <= 48 ? hex : hex + "...(" + bytes.length + " bytes)";
    }
}
