package io.numicoin.devnet.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A seeded list of faults, applied one after another: every kind once per round of
 * {@link FaultKind#values()} (in a shuffled order), then more rounds until {@code count}; pauses
 * and downtimes drawn from the same generator. The same seed and count give the same schedule, so
 * a failing run is replayed by its seed.
 */
public record FaultSchedule(long seed, List<Fault> faults) {

    static final Duration MIN_PAUSE = Duration.ofSeconds(2);
    static final Duration MAX_PAUSE = Duration.ofSeconds(6);
    static final Duration MIN_DOWN = Duration.ofSeconds(1);
    static final Duration MAX_DOWN = Duration.ofSeconds(6);

    public FaultSchedule {
        faults = List.copyOf(faults);
    }

    public static FaultSchedule generate(long seed, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("a schedule has at least 0 faults, got " + count);
        }
        Random random = new Random(seed);
        List<Fault> faults = new ArrayList<>(count);
        List<FaultKind> round = new ArrayList<>();
        while (faults.size() < count) {
            if (round.isEmpty()) {
                round.addAll(List.of(FaultKind.values()));
                Collections.shuffle(round, random);
            }
            faults.add(new Fault(round.removeFirst(), between(random, MIN_PAUSE, MAX_PAUSE), between(random, MIN_DOWN, MAX_DOWN)));
        }
        return new FaultSchedule(seed, faults);
    }

    private static Duration between(Random random, Duration low, Duration high) {
        return Duration.ofMillis(low.toMillis() + random.nextLong(high.toMillis() - low.toMillis() + 1));
    }
}
