package io.numicoin.events.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.events.Event;
import io.numicoin.events.testing.EventContract;
import io.numicoin.events.testing.RandomEvents;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Damaged records never make a decoder throw anything but {@code EventDecodeException}
 * ({@link EventContract}): every strict prefix and every one-byte extension is refused, a changed
 * byte is refused or decodes to another event (or, in the schema version byte, to the same event read
 * as a later schema), and random garbage is refused.
 */
class EventMutationTest {

    /** Envelope and payload fronts (lengths, counts, text) are mutated densely; beyond, a sample. */
    private static final int DENSE_PREFIX = 200;
    private static final int SAMPLED = 150;
    /** Offset of the envelope's schema version byte. */
    private static final int SCHEMA_VERSION_OFFSET = 4;

    record Target<T extends Event>(EventContract<T> contract, Function<RandomEvents, T> generator) {

        @Override
        public String toString() {
            return contract.name();
        }
    }

    static Stream<Arguments> targets() {
        Stream<Target<?>> targets = Stream.of(
                new Target<>(EventContract.CHAIN, events -> events.chainEvent(2)),
                new Target<>(EventContract.TX, RandomEvents::transactionSeen),
                new Target<>(EventContract.MEMPOOL, RandomEvents::mempoolEvent),
                new Target<>(EventContract.PEERS, RandomEvents::peerObservation));
        return targets.flatMap(target -> IntStream.rangeClosed(1, 3).mapToObj(seed -> Arguments.of(target, seed)));
    }

    private static int[] positions(int length, Random random) {
        IntStream dense = IntStream.range(0, Math.min(length, DENSE_PREFIX));
        IntStream sampled = length > DENSE_PREFIX ? random.ints(SAMPLED, DENSE_PREFIX, length) : IntStream.empty();
        return IntStream.concat(dense, sampled).toArray();
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("targets")
    <T extends Event> void changedBytesAreRefusedOrDecodeToAnotherEvent(Target<T> target, int seed) {
        RandomEvents events = new RandomEvents(seed);
        Random random = events.random();
        int refused = 0;
        int mutations = 0;
        for (int round = 0; round < 3; round++) {
            T event = target.generator().apply(events);
            byte[] valid = target.contract().encode(event);
            for (int position : positions(valid.length, random)) {
                byte[] mutated = valid.clone();
                mutated[position] = (byte) (mutated[position] ^ (1 + random.nextInt(255)));
                mutations++;
                Optional<T> decoded = target.contract().check(mutated);
                if (decoded.isEmpty()) {
                    refused++;
                } else if (decoded.get().equals(event)) {
                    assertThat(position).as("only a later schema version reads as the same event").isEqualTo(SCHEMA_VERSION_OFFSET);
                }
            }
        }
        assertThat(refused).as("some of %d mutations must be refused", mutations).isPositive();
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("targets")
    <T extends Event> void prefixesAndExtensionsAreRefused(Target<T> target, int seed) {
        RandomEvents events = new RandomEvents(seed);
        Random random = events.random();
        T event = target.generator().apply(events);
        byte[] valid = target.contract().encode(event);
        for (int length : positions(valid.length, random)) {
            assertThat(target.contract().check(Arrays.copyOf(valid, length))).as("prefix of %d bytes", length).isEmpty();
        }
        byte[] extended = Arrays.copyOf(valid, valid.length + 1);
        extended[valid.length] = (byte) random.nextInt(256);
        assertThat(target.contract().check(extended)).isEmpty();
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("targets")
    <T extends Event> void garbageIsRefused(Target<T> target, int seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 2_000; i++) {
            byte[] garbage = new byte[random.nextInt(i < 1_000 ? 64 : 4_096)];
            random.nextBytes(garbage);
            if (i % 2 == 0 && garbage.length >= 3) {
                garbage[0] = 0x4e; // magic and format right, so the decoder gets past the envelope's first check
                garbage[1] = 0x45;
                garbage[2] = 1;
            }
            assertThat(target.contract().check(garbage)).isEmpty();
        }
    }
}
