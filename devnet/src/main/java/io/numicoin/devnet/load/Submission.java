package io.numicoin.devnet.load;

/**
 * One line of the history: a transfer offered to an entry point and its answer.
 *
 * @param atMillis milliseconds since the run started
 * @param phase {@code fund} (the faucet paying an account) or {@code load}
 * @param sender the sender's address
 * @param nonce the transfer's nonce
 * @param txid the transfer's txid (hex), computed before it was sent
 * @param entry the entry point's name
 * @param answer what came back
 */
public record Submission(long atMillis, String phase, String sender, long nonce, String txid, String entry, Answer answer) {
}
