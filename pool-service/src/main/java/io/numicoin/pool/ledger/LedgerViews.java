package io.numicoin.pool.ledger;

import java.time.Instant;
import java.util.List;

/** What the ledger shows over HTTP: records, never tables. */
public final class LedgerViews {

    private LedgerViews() {
    }

    /** A found block and how its reward was split. */
    public record FoundBlockView(String blockId, long height, long reward, long poolFee, long windowWeight, long firstShareId,
            long lastShareId, String finder, String status, String detail, Instant foundAt) {
    }

    /** One address's credit from one block, with what a miner needs to check it. */
    public record CreditView(String blockId, long height, String blockStatus, long reward, long poolFee, long windowWeight,
            long firstShareId, long lastShareId, long weight, long amount, Long payoutId) {
    }

    /** A recorded share. */
    public record ShareView(long id, String worker, long difficulty, long height, String jobId, String powHash, Instant submittedAt) {
    }

    /** A payout transaction. */
    public record PayoutView(long id, String address, long amount, long fee, long nonce, String txid, String status, String detail,
            Instant createdAt) {
    }

    /** An address's view of the ledger. */
    public record MinerLedger(String address, long unpaid, long paid, List<CreditView> credits, List<PayoutView> payouts) {
    }

    /** Totals for the statistics page. */
    public record Totals(long blocksFound, long blocksMature, long blocksOrphaned, long paidUnits, long payouts) {
    }
}
