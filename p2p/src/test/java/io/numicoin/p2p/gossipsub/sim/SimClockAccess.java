package io.numicoin.p2p.gossipsub.sim;

import java.time.Instant;
import java.time.InstantSource;

/** A hand-moved clock for unit tests outside a {@link SimNetwork}. */
public final class SimClockAccess implements InstantSource {

    private final SimClock clock = new SimClock(1_000_000L);

    public void advance(long millis) {
        clock.advanceTo(clock.millis() + millis);
    }

    @Override
    public long millis() {
        return clock.millis();
    }

    @Override
    public Instant instant() {
        return clock.instant();
    }
}
