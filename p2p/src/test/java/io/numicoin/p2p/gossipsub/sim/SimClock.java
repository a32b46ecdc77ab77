package io.numicoin.p2p.gossipsub.sim;

import java.time.Instant;
import java.time.InstantSource;

/** Virtual time for the in-memory network: it moves only when the network runs events. */
public final class SimClock implements InstantSource {

    private long millis;

    public SimClock(long startMillis) {
        this.millis = startMillis;
    }

    void advanceTo(long target) {
        if (target < millis) {
            throw new IllegalStateException("time runs forward: " + target + " < " + millis);
        }
        millis = target;
    }

    @Override
    public long millis() {
        return millis;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis);
    }
}
