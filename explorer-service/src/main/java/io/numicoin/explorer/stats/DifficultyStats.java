package io.numicoin.explorer.stats;

import io.numicoin.explorer.store.PostgresExplorerStore;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.difficulty.AsertDifficulty;
import io.numicoin.protocol.difficulty.DifficultyAlgorithm;
import io.numicoin.protocol.difficulty.DifficultyParams;
import io.numicoin.protocol.difficulty.FixedDifficulty;
import io.numicoin.protocol.difficulty.LwmaDifficulty;
import io.numicoin.protocol.pow.CompactTarget;
import java.util.Optional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The difficulty at the read model's tip and the next block's, computed by the network's own
 * {@link DifficultyAlgorithm} over the read model's headers ({@link ReadModelHeaderChain}), in one
 * repeatable-read transaction.
 */
public final class DifficultyStats {

    /** Blocks the average block time is taken over. */
    public static final int WINDOW = 60;

    private final PostgresExplorerStore store;
    private final TransactionTemplate snapshot;
    private final DifficultyParams params;

    /** @param snapshot a read-only, repeatable-read transaction template */
    public DifficultyStats(PostgresExplorerStore store, TransactionTemplate snapshot, DifficultyParams params) {
        this.store = store;
        this.snapshot = snapshot;
        this.params = params;
    }

    /** Empty while the read model has no block. */
    public Optional<DifficultyProgress> progress() {
        return snapshot.execute(status -> store.cursor().map(c -> progressAt(c.tipHeight())));
    }

    private DifficultyProgress progressAt(long height) {
        BlockHeader tip = store.activeHeaderAt(height).orElseThrow();
        ReadModelHeaderChain chain = new ReadModelHeaderChain(store, tip);
        DifficultyAlgorithm algorithm = params.algorithm();
        CompactTarget next = algorithm.nextTarget(chain);
        double difficulty = Difficulty.of(tip.target(), params.powLimit());
        double nextDifficulty = Difficulty.of(next, params.powLimit());
        Long halfLife = null;
        Long deviation = null;
        if (algorithm instanceof AsertDifficulty asert) {
            halfLife = asert.halfLifeSeconds();
            if (height >= AsertDifficulty.ANCHOR_HEIGHT) {
                BlockHeader anchor = chain.atHeight(AsertDifficulty.ANCHOR_HEIGHT);
                deviation = tip.timestamp() - anchor.timestamp()
                        - params.targetSpacingSeconds() * (height - AsertDifficulty.ANCHOR_HEIGHT);
            }
        }
        int window = (int) Math.min(WINDOW, height);
        Double average = window == 0 ? null
                : (double) (tip.timestamp() - chain.atHeight(height - window).timestamp()) / window;
        return new DifficultyProgress(height, name(algorithm), params.targetSpacingSeconds(), tip.target().toString(),
                difficulty, tip.target().work().toString(), next.toString(), nextDifficulty,
                100.0 * (nextDifficulty - difficulty) / difficulty, halfLife, deviation, window, average);
    }

    private static String name(DifficultyAlgorithm algorithm) {
        return switch (algorithm) {
            case AsertDifficulty a -> "ASERT";
            case LwmaDifficulty l -> "LWMA";
            case FixedDifficulty f -> "FIXED";
            default -> algorithm.getClass().getSimpleName();
        };
    }
}
