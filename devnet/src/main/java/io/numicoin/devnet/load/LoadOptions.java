package io.numicoin.devnet.load;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What a load run does.
 *
 * @param accounts how many accounts send (each has one transfer in flight at a time)
 * @param rate transfers offered a second, over every entry point together
 * @param duration how long transfers are offered
 * @param entries the entry points, comma-separated ({@code all}: node1..node4, mempool, gateway)
 * @param seed the accounts' keys (and so every transfer) follow from it: the same seed replays the same load
 * @param fundUnits what the faucet pays each account first
 * @param history the JSON-lines history file
 */
public record LoadOptions(int accounts, double rate, Duration duration, String entries, long seed, long fundUnits, Path history) {

    public LoadOptions {
        if (accounts < 2 || accounts > 10_000) {
            throw new IllegalArgumentException("--accounts must be within 2..10000, got " + accounts);
        }
        if (!(rate > 0) || rate > 10_000) {
            throw new IllegalArgumentException("--rate must be above 0 and at most 10000 a second, got " + rate);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("--duration must be positive");
        }
        if (fundUnits < 100 * TransferFactory.costUnits()) {
            throw new IllegalArgumentException("--fund must pay for at least 100 transfers (" + 100 * TransferFactory.costUnits() + " units)");
        }
    }
}
