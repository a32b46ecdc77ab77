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
        if (state instanceof MempoolTxState.Removed removed) {
            if (removed.reason() != RemovalReason.INCLUDED_IN_BLOCK) {
                return new Gone(removed.describe());
            }
            if (!minedNoted) {
                minedNoted = true;
                return new Waiting(removed.describe() + "; waiting for the node to show that block");
            }
        }
        return new Waiting("");
    }
}
