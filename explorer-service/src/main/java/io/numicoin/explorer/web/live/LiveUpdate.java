package io.numicoin.explorer.web.live;

import io.numicoin.explorer.api.ExplorerViews.BlockView;
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

    /** The mempool changed: its totals and its newest transactions. */
    record Mempool(long count, long bytes, long totalFees, List<PendingTx> newest) implements LiveUpdate {
        @Override
        public String event() {
            return "mempool";
        }
    }

    /** A pending transaction as the home page lists it (fee rate in base units per 1,000 bytes). */
    record PendingTx(String txid, long amount, long fee, long feeRate, int size, long acceptedMillis) {
    }
}
