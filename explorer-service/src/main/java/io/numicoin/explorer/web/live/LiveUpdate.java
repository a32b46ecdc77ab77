package io.numicoin.explorer.web.live;

import io.numicoin.explorer.api.ExplorerViews.BlockView;
import io.numicoin.explorer.stats.MempoolSummary;
import io.numicoin.explorer.stats.MempoolTxView;
import java.util.List;

/**
 * What the live feed tells every browser: each update is a whole state, not a delta, so a client
 * that missed some (slow, or reconnecting) is right again with the next one.
 */
public sealed interface LiveUpdate {

    /** The SSE event name. */
    String event();

    /** The read model's tip changed (a new block, or a reorg). */
    record Tip(BlockView block) implements LiveUpdate {
        @Override
        public String event() {
            return "block";
        }
    }

    /** The mempool changed: its totals, fee-rate histogram and projected blocks, and its newest transactions. */
    record Mempool(MempoolSummary summary, List<MempoolTxView> newest) implements LiveUpdate {
        @Override
        public String event() {
            return "mempool";
        }
    }
}
