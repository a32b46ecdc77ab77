package io.numicoin.devnet.chaos;

import java.time.Duration;

/**
 * One fault of a schedule.
 *
 * @param kind what is done
 * @param pauseBefore quiet time before it begins (after the previous fault ended)
 * @param downtime how long the part stays down (killed, stopped, frozen) before it is brought back
 */
public record Fault(FaultKind kind, Duration pauseBefore, Duration downtime) {

    @Override
    public String toString() {
        return kind + " " + kind.target() + " for " + downtime.toMillis() + " ms";
    }
}
