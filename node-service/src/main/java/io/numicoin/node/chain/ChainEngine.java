package io.numicoin.node.chain;

import io.numicoin.node.storage.BlockTreeLoader;
import io.numicoin.node.storage.PostgresChainStore;
import io.numicoin.protocol.chain.BlockAdmission;
import io.numicoin.protocol.chain.BlockImporter;
import io.numicoin.protocol.chain.BlockTree;
import io.numicoin.protocol.chain.OrphanPool;
import io.numicoin.protocol.chain.WorkVerifiedBlock;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.protocol.validation.BlockBodyRules;
import io.numicoin.protocol.validation.BlockProposer;
import io.numicoin.protocol.validation.HeaderRules;
import io.numicoin.protocol.validation.StateRules;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pure library's {@link BlockImporter} wired to PostgreSQL: the store, the tree rebuilt from
 * {@code block_index} (listening so its changes go back there), the orphan pool, and the rules
 * (the body rules shared by every load, so bodies checked ahead stay valid across a reload). One instance per load; after a failed write the
 * service throws it away and loads a new one from what was committed.
 */
record ChainEngine(PostgresChainStore store, BlockTree tree, BlockImporter importer, BlockProposer proposer) {

    static ChainEngine load(PostgresChainStore store, JdbcTemplate jdbc, TransactionTemplate readOnly,
            OrphanPool<WorkVerifiedBlock> orphans, BlockBodyRules bodyRules, StateRules stateRules, BlockAdmission admission) {
        NetworkParams params = store.params();
        store.reload();
        BlockTree tree = readOnly.execute(status -> new BlockTreeLoader(jdbc).load(params.genesis().header(), store.journal()));
        if (!tree.contains(store.tip())) {
            throw new IllegalStateException("the stored tip " + store.tip() + " is not in block_index; run --numi.command=reindex");
        }
        BlockImporter importer = new BlockImporter(tree, store, orphans, new HeaderRules(params), bodyRules,
                stateRules, admission);
        return new ChainEngine(store, tree, importer, new BlockProposer(bodyRules, params.subsidy()));
    }
}
