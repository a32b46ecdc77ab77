package io.numicoin.protocol.state;

import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Where the state rules compute a block's set-hash change ({@link StateHashChange}: the MuHash3072
 * factors of every changed account, a few thousand 3072-bit products for a full block): on the
 * importing thread alone, or split by address range into {@code parts}, one on the calling thread
 * and the others on {@code executor}'s threads. The products are the same either way; only how long
 * the importing thread waits for them changes, and that wait is on the path every block takes one
 * after another. The executor's threads must not be the caller's, or waiting for them could wait
 * forever.
 *
 * @param executor runs parts 1 to {@code parts - 1}
 * @param parts how many ways the address ranges are split (1: the calling thread alone)
 */
public record StateHashing(Executor executor, int parts) {

    /** Everything on the calling thread. */
    public static final StateHashing CALLING_THREAD = new StateHashing(Runnable::run, 1);

    public StateHashing {
        Objects.requireNonNull(executor, "executor");
        if (parts < 1 || parts > StateHashChange.RANGES) {
            throw new IllegalArgumentException("the ranges are split into 1 to " + StateHashChange.RANGES + " parts, got " + parts);
        }
    }
}
