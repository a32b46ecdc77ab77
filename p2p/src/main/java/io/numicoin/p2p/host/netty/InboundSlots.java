package io.numicoin.p2p.host.netty;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The host's inbound counts against their limits: sockets still in their upgrade (at most
 * {@code maxPending}) and authenticated inbound connections (at most {@code maxInbound}).
 */
final class InboundSlots {

    private final int maxPending;
    private final int maxInbound;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicInteger inbound = new AtomicInteger();

    InboundSlots(int maxPending, int maxInbound) {
        this.maxPending = maxPending;
        this.maxInbound = maxInbound;
    }

    /** Takes a pending-upgrade slot for an accepted socket; false (and nothing taken) when all are in use. */
    boolean tryBeginPending() {
        return tryTake(pending, maxPending);
    }

    void endPending() {
        pending.decrementAndGet();
    }

    int pending() {
        return pending.get();
    }

    /** Takes a slot for an authenticated inbound connection; false (and nothing taken) at the limit. */
    boolean tryAdmit() {
        return tryTake(inbound, maxInbound);
    }

    void release() {
        inbound.decrementAndGet();
    }

    private static boolean tryTake(AtomicInteger count, int limit) {
        if (count.incrementAndGet() > limit) {
            count.decrementAndGet();
            return false;
        }
        return true;
    }
}
