package io.numicoin.pool.payout;

import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.support.node.NodeApiClient;
import io.numicoin.support.node.NodeApiException;
import io.numicoin.support.node.NodeTransaction;
import java.time.Duration;
import java.util.Optional;

/**
 * The node calls payouts need (docs/api.md), over service-support's {@link NodeApiClient}: an
 * account's nonce and balance, whether a transaction is in a block, and submitting a signed
 * transfer. A failure to reach the node is a {@link NodeApiException}; the payout round that
 * met it is retried by {@link PayoutScheduler}.
 */
public final class PayoutNode {

    /** An account after the tip: spendable balance, nonce, tip height. */
    public record AccountState(long balance, long nonce, long tipHeight) {
    }

    /** The node's verdict on a transfer. */
    public record Verdict(boolean accepted, String rule, String detail) {
    }

    private final NodeApiClient api;
    private final Duration submitTimeout;

    public PayoutNode(NodeApiClient api, Duration submitTimeout) {
        this.api = api;
        this.submitTimeout = submitTimeout;
    }

    /** The account as the node sees it; an address the node has never seen is empty (balance 0, nonce 0). */
    public AccountState account(String address) {
        return api.account(address, 1, "").map(a -> new AccountState(a.balanceUnits(), a.nonce(), a.tipHeight()))
                .orElse(new AccountState(0, 0, -1));
    }

    /** The id of the block holding {@code txid} on the active chain, if it is in one. */
    public Optional<String> blockOf(Hash256 txid) {
        return api.transaction(txid.toHex()).filter(NodeTransaction::inBlock).map(NodeTransaction::blockId);
    }

    /** Submits a signed transfer once: accepted, or refused with the rule a 4xx answer names. */
    public Verdict submit(TransferTx transfer) {
        try {
            api.submitTransaction(TransactionCodec.encode(transfer), submitTimeout);
            return new Verdict(true, "", "");
        } catch (NodeApiException e) {
            if (e.reason() == NodeApiException.Reason.HTTP_ERROR && e.status() >= 400 && e.status() < 500) {
                return new Verdict(false, e.rule(), e.getMessage());
            }
            throw e;
        }
    }
}
