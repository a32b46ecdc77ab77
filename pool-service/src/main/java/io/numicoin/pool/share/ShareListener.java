package io.numicoin.pool.share;

/**
 * Told of every share: checked ones on a validation thread (accepted ones go to the ledger and
 * the statistics, a block-solving one to the node), and those refused before any check (rate,
 * malformed, unknown worker) on a network thread.
 */
public interface ShareListener {

    void checked(ShareSubmission share, ShareResult result);

    void refusedUnchecked(String address, String worker, ShareVerdict verdict);
}
