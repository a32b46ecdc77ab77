package io.numicoin.pool.pplns;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pay Per Last N Shares, difficulty-weighted. The window is the most recent shares whose
 * difficulties add up to {@code windowWeight} (N); the oldest share in it counts only for the
 * part that fits, so the window weighs exactly N once the pool has that much history. The pool
 * keeps {@code feeBasisPoints / 10,000} of the reward (rounded down); an address gets
 * {@code floor(rest * weight / total)}, and the units left by rounding (fewer than the number of
 * addresses) go one each to the largest remainders, ties to the address that sorts first. So the
 * amounts add up to the reward exactly, and a miner can recompute its own from the shares the
 * ledger shows it.
 */
public final class Pplns {

    private final long windowWeight;
    private final int feeBasisPoints;

    public Pplns(long windowWeight, int feeBasisPoints) {
        if (windowWeight < 1 || feeBasisPoints < 0 || feeBasisPoints > 10_000) {
            throw new IllegalArgumentException("window weight >= 1 and fee in 0..10000 basis points");
        }
        this.windowWeight = windowWeight;
        this.feeBasisPoints = feeBasisPoints;
    }

    public long windowWeight() {
        return windowWeight;
    }

    /**
     * @param newestFirst the recorded shares, newest first (read only as far as the window reaches)
     * @param reward the block's coinbase amount in units
     * @throws IllegalArgumentException when there is no share at all
     */
    public PplnsSplit split(Iterator<WeightedShare> newestFirst, long reward) {
        Map<String, Long> weights = new TreeMap<>();
        long total = 0;
        long first = -1;
        long last = -1;
        while (total < windowWeight && newestFirst.hasNext()) {
            WeightedShare share = newestFirst.next();
            if (last < 0) {
                last = share.id();
            }
            long counted = Math.min(share.difficulty(), windowWeight - total);
            weights.merge(share.address(), counted, Long::sum);
            total += counted;
            first = share.id();
        }
        if (total == 0) {
            throw new IllegalArgumentException("no shares to split a reward over");
        }
        long fee = BigInteger.valueOf(reward).multiply(BigInteger.valueOf(feeBasisPoints)).divide(BigInteger.valueOf(10_000)).longValueExact();
        long rest = reward - fee;
        Map<String, Long> amounts = new TreeMap<>();
        List<Map.Entry<String, BigInteger>> remainders = new ArrayList<>();
        long paid = 0;
        BigInteger totalWeight = BigInteger.valueOf(total);
        for (Map.Entry<String, Long> e : weights.entrySet()) {
            BigInteger[] qr = BigInteger.valueOf(rest).multiply(BigInteger.valueOf(e.getValue())).divideAndRemainder(totalWeight);
            amounts.put(e.getKey(), qr[0].longValueExact());
            paid += qr[0].longValueExact();
            remainders.add(Map.entry(e.getKey(), qr[1]));
        }
        remainders.sort(Comparator.<Map.Entry<String, BigInteger>, BigInteger>comparing(Map.Entry::getValue).reversed()
                .thenComparing(Map.Entry::getKey));
        for (int i = 0; paid < rest; i++, paid++) {
            amounts.merge(remainders.get(i).getKey(), 1L, Long::sum);
        }
        return new PplnsSplit(reward, fee, total, first, last, weights, amounts);
    }
}
