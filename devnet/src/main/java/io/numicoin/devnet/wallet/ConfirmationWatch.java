package io.numicoin.devnet.wallet;

import io.numicoin.events.MempoolEvent.RemovalReason;

/**
 * What {@code wallet send --wait} concludes, look by look, from the node's answer (the transaction's block
 * height, or none yet) and the mempool's. Behind a gateway the node that answers may be one that has not
 * imported the newest block yet while the mempool, which follows the deployment's event source, has
 * already dropped the transaction for it: so only the mempool's own word that the transaction will never
 * be mined (replaced, expired, evicted, invalid, a conflicting one mined) ends the wait early; "a block
 * took it", "not known" and "no answer" mean look again.
 */
public final class ConfirmationWatch {

    /** The conclusion of one look. */
    public sealed interface Verdict {
    }

    /** In block {@code height} by the node's account. */
    public record Confirmed(long height) implements Verdict {
    }

    /** Look again; {@code note} is something new to tell the user, else empty. */
    public record Waiting(String note) implements Verdict {
    }

    /** It will not be mined: {@code why} says what the mempool did with it. */
    public record Gone(String why) implements Verdict {
    }

    private boolean minedNoted;

    /**
     * One look: {@code nodeHeight} is the block height the node reports for the transaction (negative: not in
     * a block it knows), {@code state} what the mempool says (null: it did not answer).
     */
    public Verdict observe(long nodeHeight, MempoolTxState state) {
        if (nodeHeight >= 0) {
            return new Confirmed(nodeHeight);
        }
        if (state instanceof MempoolTxState.Removed(RemovalReason reason, long tipHeight)) {
            if (reason == RemovalReason.INCLUDED_IN_BLOCK) {
                if (minedNoted) {
                    return new Waiting("");
                }
                minedNoted = true;
                return new Waiting("the mempool saw it mined in block " + tipHeight + "; waiting for the node to show that block");
            }
            return new Gone("left the mempool without being mined at height " + tipHeight + ": " + describe(reason));
        }
        return new Waiting("");
    }

    private static String describe(RemovalReason reason) {
        return switch (reason) {
            case REPLACED -> "REPLACED (another transfer with the same nonce and a higher fee took its place)";
            case EXPIRED -> "EXPIRED (its expiry height or the pool's age limit passed)";
            case EVICTED -> "EVICTED (the mempool was full and it paid the least)";
            case INVALID -> "INVALID (no longer valid against the chain: balance or nonce)";
            case CONFLICT -> "CONFLICT (a block took another transfer with the same nonce)";
            case INCLUDED_IN_BLOCK -> "INCLUDED_IN_BLOCK";
        };
    }
}
