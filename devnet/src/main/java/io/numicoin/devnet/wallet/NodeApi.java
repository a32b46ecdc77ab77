package io.numicoin.devnet.wallet;

import io.numicoin.support.httpclient.ServiceCallException;
import io.numicoin.support.node.NodeAccount;
import io.numicoin.support.node.NodeApiClient;
import io.numicoin.support.node.NodeApiException;
import io.numicoin.support.node.NodeChainTip;
import io.numicoin.support.node.NodeTransaction;
import io.numicoin.support.node.NodeTransactionAnswer;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The node API calls the wallet and the devnet launcher make ({@code docs/api.md}), over
 * service-support's {@link NodeApiClient} and its typed answers; a failure is an
 * {@link IOException} for the command line to print, a refused transfer a {@link RefusedException}.
 */
public final class NodeApi {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final int SUBMIT_ATTEMPTS = 3;
    /** What {@link #withReadRetries} asks a read at most: again after no answer or a 5xx one, 1 s then 2 s later. */
    static final int READ_ATTEMPTS = 3;
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

    private final NodeApiClient api;

    /** Each read asked once: for the launcher and the chaos run, which poll and must see a stopped node at once. */
    public NodeApi(URI base) {
        this(new NodeApiClient(base, TIMEOUT));
    }

    private NodeApi(NodeApiClient api) {
        this.api = api;
    }

    /**
     * For the wallet: a read that got no answer (or a 5xx) is asked again, up to {@value #READ_ATTEMPTS}
     * times in all — reads change nothing, and a user's command should outlast a moment's stall of the
     * network or a busy gateway. Submissions retry as {@link #submitTransaction} says either way.
     */
    public static NodeApi withReadRetries(URI base) {
        return new NodeApi(new NodeApiClient(base, TIMEOUT, READ_ATTEMPTS, RETRY_PAUSE, null));
    }

    public URI base() {
        return api.base();
    }

    public NodeChainTip chain() throws IOException {
        return call(api::chain);
    }

    /** The account's balance, immature rewards and nonce (an address the node never saw: all zero). */
    public NodeAccount account(String address) throws IOException {
        return history(address, 1, "");
    }

    /** A page of the account's history ({@code limit} 1..100; {@code cursor} empty for the first page). */
    public NodeAccount history(String address, int limit, String cursor) throws IOException {
        return call(() -> api.account(address, limit, cursor).orElse(NodeAccount.EMPTY));
    }

    public NodeTransaction transaction(String txid) throws IOException {
        return call(() -> api.transaction(txid)).orElseThrow(() -> new IOException("the node does not know transaction " + txid));
    }

    /** How many transactions (the coinbase too) the active chain's block at {@code height} has. */
    public long blockTransactionCount(long height) throws IOException {
        OptionalInt count = call(() -> api.transactionCountAt(height));
        return count.isPresent() ? count.getAsInt() : 0;
    }

    /** Whether the transaction is on the active chain, and in which block height (-1 if not). */
    public long transactionHeight(String txid) throws IOException {
        return call(() -> api.transaction(txid)).map(NodeTransaction::height).orElse(-1L);
    }

    /** A transfer the node or the mempool refused: the problem's {@code rule} and detail. */
    public static final class RefusedException extends IOException {
        private static final long serialVersionUID = 1L;

        private final String rule;

        RefusedException(int status, String rule, String detail) {
            super("refused (" + status + "): " + rule + ": " + detail);
            this.rule = rule;
        }

        public String rule() {
            return rule;
        }
    }

    /**
     * {@code POST /api/v1/transactions}; a 4xx answer is a {@link RefusedException} naming the rule.
     * Without an answer (no connection, or none within the deadline) the same bytes are sent again, up to
     * {@value #SUBMIT_ATTEMPTS} times in all, each retry said through {@code notes}: a transaction is named
     * by its content (its txid), so a node or mempool that got the first one answers the second with the
     * same transaction, never a second transfer.
     */
    public NodeTransactionAnswer submitTransaction(byte[] encoded, Consumer<String> notes) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return api.submitTransaction(encoded, TIMEOUT);
            } catch (NodeApiException e) {
                if (e.status() / 100 == 4) {
                    String detail = e.problem().orElseThrow().detail();
                    throw new RefusedException(e.status(), e.rule(), attempt == 1 ? detail
                            : detail + " (an earlier attempt got no answer and may have been accepted: look the txid up)");
                }
                boolean noAnswer = e.reason() == ServiceCallException.Reason.TIMEOUT || e.reason() == ServiceCallException.Reason.UNREACHABLE;
                if (!noAnswer || attempt == SUBMIT_ATTEMPTS) {
                    throw new IOException(e.getMessage() + (attempt > 1 ? " (after " + attempt + " attempts)" : ""), e);
                }
                notes.accept(e.getMessage() + "; sending the same signed transaction again (" + (attempt + 1) + " of "
                        + SUBMIT_ATTEMPTS + "; the same bytes cannot pay twice)");
                sleep(RETRY_PAUSE.multipliedBy(attempt));
            }
        }
    }

    private static void sleep(Duration pause) throws IOException {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static <T> T call(Supplier<T> call) throws IOException {
        try {
            return call.get();
        } catch (NodeApiException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
