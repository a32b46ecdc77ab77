package io.numicoin.devnet.wallet;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * The nonce of a sender's next transfer: the one after its transfers still pending in the mempool,
 * else the chain's nonce + 1 (so transfers in a row do not replace each other). A mempool that
 * does not answer leaves the chain's, with a note saying what that risks.
 */
public final class NextNonce {

    private NextNonce() {
    }

    public static long of(NodeApi node, MempoolApi mempool, String sender, Consumer<String> note) throws IOException {
        long afterChain = node.account(sender).nonce() + 1;
        try {
            return Math.max(afterChain, mempool.nextNonce(sender).orElse(afterChain));
        } catch (IOException e) {
            note.accept(e.getMessage() + "; using the chain's nonce " + afterChain
                    + " (a transaction of this key still pending would be replaced or refused)");
            return afterChain;
        }
    }
}
