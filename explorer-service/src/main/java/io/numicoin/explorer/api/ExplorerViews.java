package io.numicoin.explorer.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The JSON documents of {@code /api/v1/explorer/**} (docs/explorer.md). Hashes lower-case hex, amounts base units. */
public final class ExplorerViews {

    private ExplorerViews() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BlockView(String id, long height, String previousId, long timestamp, String bits, String work,
            String cumulativeWork, int transactionCount, int size, String stateCommitment, String merkleRoot,
            String nonce, int version, String status, long confirmations, Long reorgId) {
    }

    public record BlockPage(List<BlockView> blocks, Long nextBelow) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TxView(String txid, boolean coinbase, String sender, String recipient, long amount, long fee,
            long nonce, String memo, int size, TxStatus status, String hex) {
    }

    /** Where a transaction is: in an active block ({@code confirmed}), in the mempool, or only in stale blocks. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TxStatus(boolean confirmed, boolean inMempool, String blockId, Long blockHeight, Integer index,
            long confirmations, List<String> staleBlocks) {
    }

    public record TxPage(String blockId, int offset, int limit, int total, List<TxView> transactions) {
    }

    public record AddressView(String address, long balance, long received, long sent, long txCount, long pendingCount) {
    }

    public record HistoryEntry(long height, int index, String blockId, String txid, String direction, long delta) {
    }

    /** A page of an address's history, newest first; {@code next} is the cursor for the following page. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HistoryPage(String address, List<HistoryEntry> entries, String next) {
    }

    /** A page of stale blocks, newest first; {@code next} is the cursor for the following page. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StaleBlockPage(List<BlockView> blocks, String next) {
    }

    public record ReorgView(long id, String forkId, long forkHeight, String oldTipId, long oldTipHeight,
            String newTipId, Long newTipHeight, int depth, boolean closed, long atMillis) {
    }

    public record SearchResult(String kind, String value, String href) {
    }

    public record SearchView(String query, List<SearchResult> results) {
    }

    public record StatusView(long height, String tipId, long sequence, long lagBlocks) {
    }
}
