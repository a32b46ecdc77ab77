package io.numicoin.node.chain;

import io.numicoin.protocol.crypto.MlDsaProviders;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.protocol.validation.BlockBodyRules;
import io.numicoin.protocol.validation.TransactionRules;
import io.numicoin.protocol.validation.VerifiedTransfers;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How the chain service checks what it imports without the state: the network's stateless
 * transaction rules on the consensus ML-DSA verifier, remembering what passes alone in a
 * {@link VerifiedTransfers}, and the block body rules over them, verifying a block's signatures on
 * {@code verifierThreads} threads of their own ({@code numi-verify-N}).
 */
final class ChainVerification implements AutoCloseable {

    private final ExecutorService verifier;
    private final TransactionRules transactionRules;
    private final BlockBodyRules bodyRules;

    ChainVerification(NetworkParams params, int verifierThreads, int verifiedTransfers) {
        AtomicInteger threadNumber = new AtomicInteger();
        this.verifier = Executors.newFixedThreadPool(verifierThreads, r -> {
            Thread thread = new Thread(r, "numi-verify-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.transactionRules = new TransactionRules(params.chainId(), MlDsaProviders.preferred(), new VerifiedTransfers(verifiedTransfers));
        this.bodyRules = new BlockBodyRules(transactionRules, verifier, verifierThreads);
    }

    TransactionRules transactionRules() {
        return transactionRules;
    }

    BlockBodyRules bodyRules() {
        return bodyRules;
    }

    @Override
    public void close() {
        verifier.shutdownNow();
    }
}
