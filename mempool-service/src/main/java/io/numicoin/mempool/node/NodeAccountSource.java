package io.numicoin.mempool.node;

import io.numicoin.mempool.pool.AccountSource;
import io.numicoin.mempool.pool.AccountState;
import io.numicoin.mempool.pool.AccountUnavailableException;
import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.address.AddressFormat;
import io.numicoin.protocol.address.AddressHrp;
import io.numicoin.protocol.money.Amount;
import io.numicoin.support.node.NodeApiClient;
import io.numicoin.support.node.NodeApiException;
import io.numicoin.support.node.NodeChainTip;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Account state from the event-source node's API ({@code GET /api/v1/accounts/{address}?limit=1},
 * through service-support's {@link NodeApiClient}): the mempool owns no copy of the chain state and
 * never reads the node's tables. Answers are cached
 * until the tip changes ({@link #tipChanged()}, called on every chain event), so a burst of one
 * sender's transactions costs one request per tip; an answer fetched while the tip changed is
 * returned but not cached, so it cannot put a stale nonce back. Each request has a timeout; a failure is an
 * {@link AccountUnavailableException}, never a guess. The node applies a block before it publishes
 * the event, so after a chain event its answers are at least as new as the pool's tip.
 */
public final class NodeAccountSource implements AccountSource {

    private final NodeApiClient node;
    private final AddressHrp hrp;
    private final int cacheSize;
    private final Map<Address, AccountState> cache = new ConcurrentHashMap<>();
    private final AtomicLong tips = new AtomicLong();  // tip changes seen: an answer fetched across one is not cached

    public NodeAccountSource(NodeApiClient node, AddressHrp hrp, int cacheSize) {
        this.node = node;
        this.hrp = hrp;
        this.cacheSize = cacheSize;
    }
    @Override
    public AccountState account(Address address) {
        AccountState cached = cache.get(address);
        if (cached != null) {
            return cached;
        }
        long tipBefore = tips.get();
        AccountState fresh = fetch(address);
        synchronized (cache) {
            // An answer asked for before a tip change may predate it: give it to this caller, cache it never.
            if (tips.get() == tipBefore) {
                if (cache.size() >= cacheSize) {
                    cache.clear();
                }
                cache.put(address, fresh);
            }
        }
        return fresh;
    }

    @Override
    public void tipChanged() {
        synchronized (cache) {
            tips.incrementAndGet();
            cache.clear();
        }
    }

    /** The node's tip ({@code GET /api/v1/chain}). */
    public NodeChainTip chain() {
        try {
            return node.chain();
        } catch (NodeApiException e) {
            throw new AccountUnavailableException("node's chain: " + e.getMessage(), e);
        }
    }

    private AccountState fetch(Address address) {
        String text = AddressFormat.encode(address, hrp);
        try {
            return node.account(text, 1, "")
                    .map(a -> new AccountState(Amount.ofUnits(a.balanceUnits()), a.nonce()))
                    .orElse(AccountState.EMPTY);
        } catch (NodeApiException e) {
            throw new AccountUnavailableException("node's account " + text + ": " + e.getMessage(), e);
        }
    }
}
