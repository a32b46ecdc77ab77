package io.numicoin.node.relay;

import io.numicoin.node.outbox.EventOutbox;
import io.numicoin.node.query.AccountQueries;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.tx.TransferTx;
import java.util.Objects;

/**
 * Where every transfer the node hears meets: from its API ({@link #relayFromApi}) and from peers
 * ({@link #recordFromPeer}). A transfer is relayed only when it passes {@link TipStateRule} against the
 * tip, and recorded once: the first hearing of a txid (the {@link RecentTransactions} set decides
 * atomically) appends its {@code numi.tx.v1} event through the outbox (only on the event-source node)
 * and, from the API, broadcasts it to peers; later hearings of the same txid do neither. Callers have
 * checked the stateless rules (signatures included) first.
 */
public final class TransactionRelay {

    private final AccountQueries accounts;
    private final TipStateRule rule;
    private final RecentTransactions recent;
    private final EventOutbox outbox;
    private volatile TransactionBroadcast broadcast = TransactionBroadcast.NONE;

    public TransactionRelay(AccountQueries accounts, RelayPolicy policy, EventOutbox outbox) {
        this.accounts = accounts;
        this.rule = new TipStateRule(policy);
        this.recent = new RecentTransactions(policy.recentCapacity());
        this.outbox = outbox;
    }

    /** Where {@link #relayFromApi} sends new transfers (the gossip topic once the network is up). */
    public void broadcastVia(TransactionBroadcast broadcast) {
        this.broadcast = Objects.requireNonNull(broadcast, "broadcast");
    }

    /** The sender's account after the tip, read now, against {@link TipStateRule}. */
    public TipCheck checkAgainstTip(TransferTx tx, int encodedSize) {
        return rule.check(tx, encodedSize, accounts.account(tx.sender()));
    }

    /** Whether this txid was heard lately (then a peer's copy is neither recorded nor forwarded again). */
    public boolean alreadyHeard(Hash256 txid) {
        return recent.contains(txid);
    }

    /**
     * A transfer the API accepted: on its first hearing, its event (source API) and a broadcast to peers.
     *
     * @return true if this was the first hearing
     */
    public boolean relayFromApi(TransferTx tx, Hash256 txid) {
        if (!record(txid, () -> outbox.transactionSeenFromApi(tx))) {
            return false;
        }
        broadcast.broadcast(tx);
        return true;
    }

    /**
     * A transfer a peer gossiped, valid against the tip: on its first hearing, its event (source PEER).
     *
     * @return true if this was the first hearing (gossip then forwards it)
     */
    public boolean recordFromPeer(TransferTx tx, Hash256 txid, String peerId) {
        return record(txid, () -> outbox.transactionSeenFromPeer(tx, peerId));
    }

    private boolean record(Hash256 txid, Runnable event) {
        if (!recent.add(txid)) {
            return false;
        }
        try {
            event.run();
        } catch (RuntimeException e) {
            recent.forget(txid);
            throw e;
        }
        return true;
    }
}
