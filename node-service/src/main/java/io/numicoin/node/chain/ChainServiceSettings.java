package io.numicoin.node.chain;

import java.time.Duration;

/**
 * How a {@link NodeChainService} imports.
 *
 * @param importLockTimeout how long a caller waits for the import lock before getting "busy"
 * @param accountCacheSize accounts kept in memory for validation
 * @param verifierThreads threads verifying a block's signatures in parallel
 * @param verifiedTransfers transfers that passed alone (API, gossip) remembered so that a block carrying
 *        them does not verify them again ({@link io.numicoin.protocol.validation.VerifiedTransfers}); 0 remembers none
 * @param expandedKeys ML-DSA public keys kept expanded ({@link io.numicoin.protocol.crypto.ExpandedKeyCache}); 0 keeps none
 */
public record ChainServiceSettings(Duration importLockTimeout, int accountCacheSize, int verifierThreads, int verifiedTransfers,
        int expandedKeys) {

    /** Transfers remembered by default: as many txids as the relay remembers (~14 MB). */
    public static final int DEFAULT_VERIFIED_TRANSFERS = 100_000;
    /** Public keys kept expanded by default (~37 MB). */
    public static final int DEFAULT_EXPANDED_KEYS = 1_024;

    public ChainServiceSettings(Duration importLockTimeout, int accountCacheSize, int verifierThreads) {
        this(importLockTimeout, accountCacheSize, verifierThreads, DEFAULT_VERIFIED_TRANSFERS, DEFAULT_EXPANDED_KEYS);
    }

    public static ChainServiceSettings defaults() {
        return new ChainServiceSettings(Duration.ofSeconds(30), 100_000, Runtime.getRuntime().availableProcessors());
    }
}
