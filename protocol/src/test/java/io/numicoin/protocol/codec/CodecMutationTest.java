package io.numicoin.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.protocol.testing.CanonicalCodecs;
import io.numicoin.protocol.testing.CanonicalCodecs.Codec;
import io.numicoin.protocol.testing.RandomProtocolValues;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Damages valid encodings of random values and checks every decoder's contract on the result
 * ({@link CanonicalCodecs}): a changed byte either decodes to a different value that re-encodes to
 * exactly the changed bytes, or is refused with a {@link DecodeException}; a strict prefix or an
 * extension is always refused (every encoding is self-delimiting). Nothing else may be thrown.
 */
class CodecMutationTest {

    /** Bytes at the front (type, counts, lengths, small fields) are all mutated; beyond, a sample. */
    private static final int DENSE_PREFIX = 160;
    private static final int SAMPLED = 120;

    record Target<T>(Codec<T> codec, Function<RandomProtocolValues, T> generator) {

        @Override
        public String toString() {
            return codec.name();
        }
    }

    static Stream<Arguments> targets() {
        Stream<Target<?>> targets = Stream.of(
                new Target<>(CanonicalCodecs.HEADER, RandomProtocolValues::header),
                new Target<>(CanonicalCodecs.POLICY, RandomProtocolValues::policy),
                new Target<>(CanonicalCodecs.TRANSACTION, RandomProtocolValues::coinbase),
                new Target<>(CanonicalCodecs.TRANSACTION, RandomProtocolValues::transfer),
                new Target<>(CanonicalCodecs.BLOCK, values -> values.block(3)));
        return targets.flatMap(target -> IntStream.rangeClosed(1, 4).mapToObj(seed -> Arguments.of(target, seed)));
    }

    private static IntStream positions(int length, Random random) {
        IntStream dense = IntStream.range(0, Math.min(length, DENSE_PREFIX));
        IntStream sampled = length > DENSE_PREFIX
                ? random.ints(SAMPLED, DENSE_PREFIX, length)
                : IntStream.empty();
        return IntStream.concat(dense, sampled);
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("targets")
    <T> void changedBytesDecodeCanonicallyOrAreRefused(Target<T> target, int seed) {
        RandomProtocolValues values = new RandomProtocolValues(seed);
        Random random = values.random();
        int refused = 0;
        int mutations = 0;
        for (int round = 0; round < 3; round++) {
            T value = target.generator().apply(values);
            byte[] valid = target.codec().encode(value);
            assertThat(target.codec().check(valid)).contains(value);
            for (int position : positions(valid.length, random).toArray()) {
                byte[] mutated = valid.clone();
                mutated[position] = (byte) (mutated[position] ^ (1 + random.nextInt(255)));
                mutations++;
                var decoded = target.codec().check(mutated);
                if (decoded.isEmpty()) {
                    refused++;
                } else {
                    assertThat(decoded.get()).isNotEqualTo(value);
                }
            }
        }
        assertThat(mutations).isPositive();
        assertThat(refused).as("some of %d mutations must be refused", mutations).isPositive();
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("targets")
    <T> void prefixesAndExtensionsAreRefused(Target<T> target, int seed) {
        RandomProtocolValues values = new RandomProtocolValues(seed);
        Random random = values.random();
        T value = target.generator().apply(values);
        byte[] valid = target.codec().encode(value);
        for (int length : positions(valid.length, random).toArray()) {
            assertThat(target.codec().check(Arrays.copyOf(valid, length))).as("prefix of %d bytes", length).isEmpty();
        }
        for (int extra = 1; extra <= 3; extra++) {
            byte[] extended = Arrays.copyOf(valid, valid.length + extra);
            extended[valid.length] = (byte) random.nextInt(256);
            assertThat(target.codec().check(extended)).as("%d extra bytes", extra).isEmpty();
        }
    }
}
