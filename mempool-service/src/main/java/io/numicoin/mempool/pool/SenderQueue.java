package io.numicoin.mempool.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/** One sender's pending transactions by nonce, and the account nonce last seen. */
final class SenderQueue {

    private final NavigableMap<Long, PoolEntry> byNonce = new TreeMap<>();
    private long accountNonce;

    SenderQueue(long accountNonce) {
        this.accountNonce = accountNonce;
    }

    long accountNonce() {
        return accountNonce;
    }

    void accountNonce(long nonce) {
        accountNonce = nonce;
    }

    PoolEntry at(long nonce) {
        return byNonce.get(nonce);
    }

    void put(PoolEntry entry) {
        byNonce.put(entry.nonce(), entry);
    }

    void remove(PoolEntry entry) {
        byNonce.remove(entry.nonce(), entry);
    }

    int count() {
        return byNonce.size();
    }

    boolean isEmpty() {
        return byNonce.isEmpty();
    }

    /** The nonce after the pending run that starts right after the account nonce. */
    long nextExpectedNonce() {
        long next = accountNonce + 1;
        while (byNonce.containsKey(next)) {
            next++;
        }
        return next;
    }

    /** Entries in nonce order. */
    List<PoolEntry> entries() {
        return new ArrayList<>(byNonce.values());
    }

    /** The entries above {@code nonce}, in nonce order. */
    List<PoolEntry> after(long nonce) {
        return new ArrayList<>(byNonce.tailMap(nonce, false).values());
    }

    /** The pending run accountNonce + 1, + 2, ... without a gap: what a block can include now. */
    List<PoolEntry> includableRun() {
        List<PoolEntry> run = new ArrayList<>();
        long next = accountNonce + 1;
        for (PoolEntry entry : byNonce.tailMap(accountNonce, false).values()) {
            if (entry.nonce() != next) {
                break;
            }
            run.add(entry);
            next++;
        }
        return run;
    }
}
