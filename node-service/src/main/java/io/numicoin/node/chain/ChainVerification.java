package io.numicoin.node.chain;

import io.numicoin.protocol.crypto.ExpandedKeyCache;
import io.numicoin.protocol.crypto.MlDsaProviders;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.protocol.state.StateHashing;
import io.numicoin.protocol.validation.BlockBodyRules;
import io.numicoin.protocol.validation.StateRules;
import io.numicoin.protocol.validation.TransactionRules;
import io.numicoin.protocol.validation.VerifiedTransfers;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * How the chain service checks what it imports without the state: the network's stateless
 * transaction rules on the consensus ML-DSA verifier (keeping the last {@code expandedKeys} public
 * keys it expanded, an {@link ExpandedKeyCache} of its own), remembering what passes alone in a
 * {@link VerifiedTransfers}, and the block body rules over them, verifying a block's signatures on
 * {@code verifierThreads} threads of their own ({@code numi-verify-N}). And the state rules, whose
 * set-hash products are split over the import thread and {@code verifierThreads - 1} threads of
 * their own ({@code numi-statehash-N}; not the verifiers', which are busy checking the next blocks
 * while a block is connected): that work is on the path every block takes one after another.
 */
final class ChainVerification implements AutoCloseable {

    private final ExecutorService verifier;
    private final ExecutorService stateHashing;
    private final StateRules stateRules;
    private final TransactionRules transactionRules;
    private final BlockBodyRules bodyRules;
    private final ExpandedKeyCache keys;

    ChainVerification(NetworkParams params, int verifierThreads, int verifiedTransfers, int expandedKeys) {
        this.verifier = Executors.newFixedThreadPool(verifierThreads, Thread.ofPlatform().name("numi-verify-", 1).daemon().factory());
        this.keys = new ExpandedKeyCache(expandedKeys);
        this.transactionRules = new TransactionRules(params.chainId(), MlDsaProviders.consensus(keys), new VerifiedTransfers(verifiedTransfers));
        this.bodyRules = new BlockBodyRules(transactionRules, verifier, verifierThreads);
        if (verifierThreads > 1) {
            this.stateHashing = Executors.newFixedThreadPool(verifierThreads - 1,
                    Thread.ofPlatform().name("numi-statehash-", 1).daemon().factory());
            this.stateRules = new StateRules(params.subsidy(), new StateHashing(stateHashing, verifierThreads));
        } else {
            this.stateHashing = null;
            this.stateRules = new StateRules(params.subsidy());
        }
    }

    /** The state rules every load of the chain uses (the set-hash products split over this object's threads). */
    StateRules stateRules() {
        return stateRules;
    }

    TransactionRules transactionRules() {
        return transactionRules;
    }

    BlockBodyRules bodyRules() {
        return bodyRules;
    }

    ExpandedKeyCache expandedKeys() {
        return keys;
    }

    @Override
    public void close() {
        verifier.shutdownNow();
        if (stateHashing != null) {
            stateHashing.shutdownNow();
        }
    }
}
