package io.numicoin.node.chain;

import io.numicoin.protocol.crypto.ExpandedKeyCache;
import io.numicoin.protocol.crypto.MlDsaProviders;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.protocol.validation.BlockBodyRules;
import io.numicoin.protocol.validation.TransactionRules;
import io.numicoin.protocol.validation.VerifiedTransfers;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * How the chain service checks what it imports without the state: the network's stateless
 * transaction rules on the consensus ML-DSA verifier (keeping the last {@code expandedKeys} public
 * keys it expanded, an {@link ExpandedKeyCache} of its own), remembering what passes alone in a
 * {@link VerifiedTransfers}, and the block body rules over them, verifying a block's signatures on
 * {@code verifierThreads} threads of their own ({@code numi-verify-N}).
 */
final class ChainVerification implements AutoCloseable {

    private final ExecutorService verifier;
    private final TransactionRules transactionRules;
    private final BlockBodyRules bodyRules;
    private final ExpandedKeyCache keys;

    ChainVerification(NetworkParams params, int verifierThreads, int verifiedTransfers, int expandedKeys) {
        this.verifier = Executors.newFixedThreadPool(verifierThreads, Thread.ofPlatform().name("numi-verify-", 1).daemon().factory());
        this.keys = new ExpandedKeyCache(expandedKeys);
        this.transactionRules = new TransactionRules(params.chainId(), MlDsaProviders.consensus(keys), new VerifiedTransfers(verifiedTransfers));
        this.bodyRules = new BlockBodyRules(transactionRules, verifier, verifierThreads);
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
    }
}
