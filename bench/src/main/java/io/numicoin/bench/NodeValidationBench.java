package io.numicoin.bench;

import io.numicoin.node.chain.BlockImportPipeline;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.chain.BlockAdmission;
import io.numicoin.protocol.chain.BlockImporter;
import io.numicoin.protocol.chain.BlockTree;
import io.numicoin.protocol.chain.InMemoryChainStore;
import io.numicoin.protocol.chain.OrphanPool;
import io.numicoin.protocol.crypto.ExpandedKeyCache;
import io.numicoin.protocol.crypto.MlDsaProvider;
import io.numicoin.protocol.crypto.MlDsaProviders;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.protocol.state.StateHashing;
import io.numicoin.protocol.validation.BlockBodyRules;
import io.numicoin.protocol.validation.HeaderRules;
import io.numicoin.protocol.validation.StateRules;
import io.numicoin.protocol.validation.TransactionRules;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The import of {@link NodeImportBench}'s chain with a store that costs next to nothing
 * ({@link InMemoryChainStore}: the state in a hash map, its hash taken from the state rules, only the
 * last {@value #KEPT} bodies kept): the same rules, verifier threads and pipeline (bodies checked
 * {@code ahead}, imported in order on one thread), no database. What it reaches against the signature
 * limit is the ceiling of {@code node.import.over_sig_limit} for any store: {@code node.import.validation_only.*}.
 * Its verifier keeps as many public keys expanded as the node import's ({@code -Dnumi.bench.node.expanded-keys}),
 * so the ceiling and the import check signatures alike.
 */
final class NodeValidationBench implements BenchPart {

    private static final int KEPT = 32;

    @Override
    public String name() {
        return "node import validation only";
    }

    @Override
    public void run(FigureSink out) throws Exception {
        NodeImportBench.Chain chain = NodeImportBench.chain();
        int cores = Runtime.getRuntime().availableProcessors();
        SignatureLimit signatures = SignatureLimit.prepare();
        NetworkParams params = NetworkParams.regtest();
        long now = NodeImportBench.CLOCK.instant().getEpochSecond();
        ExecutorService verifier = Executors.newFixedThreadPool(cores, r -> {
            Thread thread = new Thread(r, "numi-verify");
            thread.setDaemon(true);
            return thread;
        });
        // the state rules' set-hash products split as the node splits them (ChainVerification)
        ExecutorService stateHashing = Executors.newFixedThreadPool(Math.max(1, cores - 1), r -> {
            Thread thread = new Thread(r, "numi-statehash");
            thread.setDaemon(true);
            return thread;
        });
        try {
            ExpandedKeyCache keys = new ExpandedKeyCache(chain.expandedKeys());
            MlDsaProvider signer = MlDsaProviders.consensus(keys);
            BlockBodyRules bodyRules = new BlockBodyRules(new TransactionRules(params.chainId(), signer), verifier, cores);
            BlockTree tree = new BlockTree(params.genesis().header());
            tree.markValid(params.genesisId());
            BlockImporter importer = new BlockImporter(tree, InMemoryChainStore.keepingLast(KEPT, params.genesisId(), params.genesis()),
                    OrphanPool.withDefaults(), new HeaderRules(params), bodyRules, new StateRules(params.subsidy(), new StateHashing(stateHashing, cores)), BlockAdmission.of(params));
            for (Block block : chain.cached().setup()) {  // warm-up: empty and funding blocks
                SegmentedImport.requireConnected(block, importer.importBlock(block, now));
            }
            SegmentedImport.Measured measured;
            try (BlockFeed feed = new BlockFeed(chain.cached().measured(chain.blocks()), 4);
                    BlockImportPipeline pipeline = new BlockImportPipeline(bodyRules::checked,
                            checked -> CompletableFuture.completedFuture(importer.importBlock(checked, now)), Math.max(1, chain.ahead()))) {
                measured = SegmentedImport.measure((Iterator<Block> blocks, int count) -> SegmentedImport.pipelined(pipeline, blocks, count),
                        feed, chain.segment(), chain.rounds(), chain.txPerBlock(), signatures, List.of());
            }
            measured.report(out, "node.import.validation_only", chain.txPerBlock());
            out.report("node.import.validation_only.expanded_key_hit_ratio", keys.hitRatio(), "ratio");
        } finally {
            verifier.shutdownNow();
            stateHashing.shutdownNow();
        }
    }
}
