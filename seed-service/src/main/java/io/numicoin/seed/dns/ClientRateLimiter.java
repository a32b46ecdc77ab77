package io.numicoin.seed.dns;

import io.numicoin.support.limit.TokenBucket;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.LongSupplier;

/**
 * Queries per client IP: a token bucket per slot of a fixed table, the slot chosen by a keyed hash
 * of the address. Memory is bounded whatever the number of (possibly spoofed) sources; clients that
 * share a slot share a budget, which errs on the side of answering less. IPv6 clients are keyed by
 * their /64, so one host cannot walk its subnet to get fresh budgets.
 */
public final class ClientRateLimiter {

    private final AtomicReferenceArray<TokenBucket> slots;
    private final int mask;
    private final double burst;
    private final double perSecond;
    private final long key = new SecureRandom().nextLong();
    private final LongSupplier nanoTime;

    public ClientRateLimiter(int slotsPowerOfTwo, double burst, double perSecond, LongSupplier nanoTime) {
        if (Integer.bitCount(slotsPowerOfTwo) != 1) {
            throw new IllegalArgumentException("the number of slots must be a power of two");
        }
        this.slots = new AtomicReferenceArray<>(slotsPowerOfTwo);
        this.mask = slotsPowerOfTwo - 1;
        this.burst = burst;
        this.perSecond = perSecond;
        this.nanoTime = nanoTime;
    }

    /** Whether {@code client} may have one more answer now. */
    public boolean tryAcquire(InetAddress client) {
        int slot = slot(client);
        long now = nanoTime.getAsLong();
        TokenBucket bucket = slots.get(slot);
        if (bucket == null) {
            slots.compareAndSet(slot, null, new TokenBucket(burst, perSecond, now));
            bucket = slots.get(slot);
        }
        return bucket.tryTake(1, now);
    }

    private int slot(InetAddress client) {
        byte[] ip = client.getAddress();
        int length = ip.length == 16 ? 8 : ip.length;
        long h = key;
        for (int i = 0; i < length; i++) {
            h = (h ^ (ip[i] & 0xff)) * 0x100000001b3L;
        }
        h ^= h >>> 29;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 32;
        return (int) h & mask;
    }
}
