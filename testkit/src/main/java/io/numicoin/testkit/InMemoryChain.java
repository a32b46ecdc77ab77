package io.numicoin.testkit;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.chain.BlockAdmission;
import io.numicoin.protocol.chain.BlockImportResult;
import io.numicoin.protocol.chain.BlockImporter;
import io.numicoin.protocol.chain.BlockTree;
import io.numicoin.protocol.chain.InMemoryChainStore;
import io.numicoin.protocol.chain.OrphanPool;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.protocol.state.InMemoryAccountState;
import io.numicoin.protocol.validation.BlockBodyRules;
import io.numicoin.protocol.validation.HeaderRules;
import io.numicoin.protocol.validation.StateRules;
import io.numicoin.protocol.validation.TransactionRules;
import java.util.concurrent.ForkJoinPool;

/**
 * A whole chain in memory: block tree, store, orphan pool and importer wired as a node wires
 * them, with signatures verified on the common pool. The clock is explicit: {@link #importBlock}
 * uses the block's own timestamp as "now" unless told otherwise.
 */
public final class InMemoryChain {

    private final NetworkParams params;
    private final InMemoryChainStore store;
    private final BlockImporter importer;

    public InMemoryChain(NetworkParams params) {
        this.params = params;
        this.store = new InMemoryChainStore(params.genesisId(), params.genesis());
        BlockTree tree = new BlockTree(params.genesis().header());
        tree.markValid(params.genesisId());
        ForkJoinPool pool = ForkJoinPool.commonPool();
        this.importer = new BlockImporter(tree, store, OrphanPool.withDefaults(),
                new HeaderRules(params),
                new BlockBodyRules(new TransactionRules(params.chainId(), TestKeys.provider()), pool, pool.getParallelism()),
                new StateRules(params.subsidy()), BlockAdmission.of(params));
    }

    public static InMemoryChain regtest() {
        return new InMemoryChain(NetworkParams.regtest());
    }

    /** Imports with "now" = the block's timestamp (so the future limit never bites). */
    public BlockImportResult importBlock(Block block) {
        return importer.importBlock(block, block.header().timestamp());
    }

    public BlockImportResult importBlock(Block block, long nowSeconds) {
        return importer.importBlock(block, nowSeconds);
    }

    /** As {@link #importBlock(Block, long)} for a block from {@code source} (a peer: its orphans count against its quota). */
    public BlockImportResult importBlock(Block block, long nowSeconds, String source) {
        return importer.importBlock(block, nowSeconds, source);
    }

    public BlockImporter importer() {
        return importer;
    }

    public Hash256 tip() {
        return store.tip();
    }

    public InMemoryAccountState state() {
        return store.accountState();
    }

    public BlockTree tree() {
        return importer.tree();
    }

    public NetworkParams params() {
        return params;
    }
}
