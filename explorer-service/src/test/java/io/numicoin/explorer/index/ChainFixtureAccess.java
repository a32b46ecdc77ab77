package io.numicoin.explorer.index;

import io.numicoin.explorer.store.ChainCursor;
import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.testkit.ChainBuilder;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@link ChainFixture} for tests of other packages: a read model that followed the whole main chain. */
public final class ChainFixtureAccess {

    public static final ChainBuilder CHAIN = ChainFixture.CHAIN;
    public static final int CHAIN_ID = ChainFixture.CHAIN_ID;
    public static final List<Block> MAIN = ChainFixture.MAIN;

    private ChainFixtureAccess() {
    }

    /** A read model on its own database. */
    public record Model(ReadModelDatabase database) implements AutoCloseable {
        public JdbcTemplate jdbc() {
            return database.jdbc;
        }

        @Override
        public void close() {
            database.close();
        }
    }

    public static Model followedMain() {
        ReadModelDatabase db = ReadModelDatabase.withoutNode();
        db.store.connect(MAIN.getFirst(), ChainFixture.work(MAIN.getFirst()), ChainCursor.UNKNOWN_SEQUENCE);
        ChainFixture.connects(MAIN.subList(1, MAIN.size()), 1).forEach(db.indexer::apply);
        return new Model(db);
    }

    /** A read model that followed the main chain and then a reorg of {@code depth} onto a fork one block longer. */
    public static Model followedMainThenReorg(int depth) {
        Model model = followedMain();
        ChainFixture.reorg(ChainFixture.fork(depth), depth, MAIN.size()).forEach(model.database().indexer::apply);
        return model;
    }

    /** The fork {@link #followedMainThenReorg} reorganises onto. */
    public static List<Block> fork(int depth) {
        return ChainFixture.fork(depth);
    }

    public static Hash256 id(Block block) {
        return ChainFixture.id(block);
    }

    public static long expectedBalance(Block tip, Address address) {
        return ChainFixture.expectedBalance(tip, address);
    }
}
