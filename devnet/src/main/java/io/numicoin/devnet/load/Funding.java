package io.numicoin.devnet.load;

import io.numicoin.devnet.wallet.Account;
import io.numicoin.devnet.wallet.MempoolApi;
import io.numicoin.devnet.wallet.NextNonce;
import io.numicoin.devnet.wallet.NodeApi;
import io.numicoin.devnet.wallet.TransferSigner;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.money.Amount;
import io.numicoin.protocol.tx.TransferTx;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The faucet pays each load account, in batches of 16 — a node relays at most 16 nonces beyond the
 * sender's chain nonce (the mempool would hold 64) — each batch confirmed before the next; every
 * payment is in the history (phase {@code fund}).
 */
public final class Funding {

    private static final int BATCH = 16;
    private static final int ATTEMPTS = 10;
    private static final Duration CONFIRM_LIMIT = Duration.ofMinutes(3);

    private final NodeApi node;
    private final MempoolApi mempool;
    private final EntryPoint via;
    private final Submitter submitter;
    private final History history;
    private final int chainId;
    private final TransferSigner signer = new TransferSigner();

    public Funding(NodeApi node, MempoolApi mempool, EntryPoint via, Submitter submitter, History history, int chainId) {
        this.node = node;
        this.mempool = mempool;
        this.via = via;
        this.submitter = submitter;
        this.history = history;
        this.chainId = chainId;
    }

    /** Pays {@code units} to every account from the faucet and waits until every payment is in a block. */
    public void fund(Account faucet, String faucetAddress, List<LoadAccount> accounts, long units, Consumer<String> progress)
            throws IOException, InterruptedException {
        for (int from = 0; from < accounts.size(); from += BATCH) {
            List<LoadAccount> batch = accounts.subList(from, Math.min(accounts.size(), from + BATCH));
            long nonce = NextNonce.of(node, mempool, faucetAddress, note -> { });
            List<String> txids = new ArrayList<>();
            for (LoadAccount account : batch) {
                TransferTx tx = signer.sign(chainId, faucet, nonce++, account.account().address(), Amount.ofUnits(units),
                        TransferFactory.FEE, Bytes.of(new byte[0]));
                txids.add(offer(faucetAddress, tx));
            }
            awaitConfirmed(txids);
            progress.accept("funded " + (from + batch.size()) + " of " + accounts.size() + " accounts with "
                    + Amount.ofUnits(units).toNumiString() + " NUMI each");
        }
    }

    private String offer(String faucetAddress, TransferTx tx) throws IOException, InterruptedException {
        String txid = TransactionCodec.txid(tx).toHex();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Answer answer = submitter.submit(via, TransactionCodec.encode(tx));
            history.record(new Submission(history.millis(), "fund", faucetAddress, tx.nonce(), txid, via.name(), answer));
            if (answer.accepted()) {
                return txid;
            }
            if (answer.refused()) {
                throw new IOException("the faucet's payment " + txid + " was refused: " + answer.rule() + " " + answer.error());
            }
            Thread.sleep(1_000L * attempt);
        }
        throw new IOException("the faucet's payment " + txid + " got no answer from " + via.submitUrl() + " in " + ATTEMPTS + " attempts");
    }

    private void awaitConfirmed(List<String> txids) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + CONFIRM_LIMIT.toNanos();
        List<String> waiting = new ArrayList<>(txids);
        while (!waiting.isEmpty()) {
            if (node.transactionHeight(waiting.getFirst()) >= 0) {
                waiting.removeFirst();
                continue;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException(waiting.size() + " of the faucet's payments not in a block after " + CONFIRM_LIMIT.toMinutes()
                        + " minutes, e.g. " + waiting.getFirst());
            }
            Thread.sleep(500);
        }
    }
}
