package io.numicoin.protocol.testing;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.codec.BlockCodec;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.codec.ByteReader;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.codec.SpendingPolicyCodec;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.crypto.SpendingPolicy;
import io.numicoin.protocol.tx.Transaction;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;

/**
 * The contract every decoder keeps, checked by mutation tests and fuzz tests alike: any input
 * either decodes to a value whose encoding is exactly that input (one encoding per value), or is
 * refused with a {@link DecodeException}. Any other exception escapes to the caller as a failure.
 */
public final class CanonicalCodecs {

    /** A decoder as a function that may refuse its input. */
    @FunctionalInterface
    public interface Decoder<T> {
        T decode(byte[] bytes) throws DecodeException;
    }

    /** A named decoder and encoder pair. */
    public record Codec<T>(String name, Decoder<T> decoder, Function<T, byte[]> encoder) {

        /**
         * Decodes {@code input}; empty if it was refused.
         *
         * @throws AssertionError if it decoded to a value that encodes to other bytes
         */
        public Optional<T> check(byte[] input) {
            T value;
            try {
                value = decoder.decode(input);
            } catch (DecodeException refused) {
                if (refused.error() == null) {
                    throw new AssertionError(name + " refused without a DecodeError");
                }
                return Optional.empty();
            }
            byte[] again = encoder.apply(value);
            if (!Arrays.equals(again, input)) {
                throw new AssertionError(name + " decoded " + abbreviate(input) + " to " + value
                        + ", which encodes to other bytes " + abbreviate(again));
            }
            return Optional.of(value);
        }

        public byte[] encode(T value) {
            return encoder.apply(value);
        }
    }

    public static final Codec<BlockHeader> HEADER =
            new Codec<>("header", BlockHeaderCodec::decode, BlockHeaderCodec::encode);

    /** The policy codec, read through a {@link ByteReader} that must then be at its end. */
    public static final Codec<SpendingPolicy> POLICY = new Codec<>("policy", bytes -> {
        ByteReader reader = new ByteReader(bytes);
        SpendingPolicy policy = SpendingPolicyCodec.read(reader);
        reader.expectEnd("policy");
        return policy;
    }, SpendingPolicyCodec::encode);

    public static final Codec<Transaction> TRANSACTION =
            new Codec<>("transaction", TransactionCodec::decode, TransactionCodec::encode);

    public static final Codec<Block> BLOCK = new Codec<>("block", BlockCodec::decode, BlockCodec::encode);

    private CanonicalCodecs() {
    }

    private static String abbreviate(byte[] bytes) {
        String hex = HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, 48));
        return bytes.length <= 48 ? hex : hex + "...(" + bytes.length + " bytes)";
    }
}
