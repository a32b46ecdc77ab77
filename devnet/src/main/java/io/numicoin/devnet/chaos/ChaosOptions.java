package io.numicoin.devnet.chaos;

import io.numicoin.devnet.load.LoadOptions;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A chaos run: a new devnet in {@code dataDir} (deleted first) on ports moved by {@code portOffset},
 * blocks every {@code blockInterval} from two miners, the load for {@code baseline} without faults,
 * then under the seeded schedule of {@code faults} faults until the schedule ends.
 */
public record ChaosOptions(Path root, Path dataDir, int portOffset, Duration blockInterval, long seed, int faults, Duration baseline,
        LoadOptions load) {

    public ChaosOptions {
        if (faults < 0 || faults > 10_000) {
            throw new IllegalArgumentException("--faults must be within 0..10000, got " + faults);
        }
    }
}
