package io.numicoin.explorer.web;

import io.numicoin.explorer.api.ExplorerQueries;
import io.numicoin.explorer.api.ExplorerViews.ReorgView;
import io.numicoin.explorer.web.view.ForkView;
import io.numicoin.explorer.web.view.ForkView.ForkBlock;
import io.numicoin.explorer.web.view.PolicyView;
import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.address.AddressFormat;
import io.numicoin.protocol.address.AddressHrp;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.codec.SpendingPolicyCodec;
import io.numicoin.protocol.codec.TransactionCodec;
import io.numicoin.protocol.crypto.MlDsaPublicKey;
import io.numicoin.protocol.crypto.SpendingPolicy;
import io.numicoin.protocol.tx.Transaction;
import io.numicoin.protocol.tx.TransferTx;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the pages need beyond {@link ExplorerQueries}: an address's spending policy (read from one of
 * its spends) and reorganisations as forks. Every query is bounded.
 */
public final class WebQueries {

    /** How far back an address's history is searched for a spend that shows its policy. */
    static final int POLICY_SEARCH_ENTRIES = 1_000;
    /** Blocks shown per branch of a fork. */
    static final int MAX_BRANCH = 24;

    private static final HexFormat HEX = HexFormat.of();

    private final JdbcTemplate jdbc;
    private final ExplorerQueries queries;
    private final AddressHrp hrp;

    public WebQueries(JdbcTemplate jdbc, ExplorerQueries queries, AddressHrp hrp) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.hrp = hrp;
    }

    /**
     * The policy an address spends with, as its newest spend (confirmed among its last
     * {@link #POLICY_SEARCH_ENTRIES} history entries, else pending in the mempool) carries it; empty
     * while it has spent nothing (an address is only a hash of its policy until then).
     */
    public Optional<PolicyView> spendingPolicy(Address address) {
        byte[] key = address.policyHash().toArray();
        List<byte[]> raws = jdbc.query("""
                SELECT t.raw FROM (SELECT txid, direction, height, tx_index FROM address_history WHERE address = ?
                                   ORDER BY height DESC, tx_index DESC LIMIT ?) h
                JOIN tx t ON t.txid = h.txid
                WHERE h.direction <> 'IN' ORDER BY h.height DESC, h.tx_index DESC LIMIT 1""",
                (rs, i) -> rs.getBytes(1), key, POLICY_SEARCH_ENTRIES);
        if (raws.isEmpty()) {
            raws = jdbc.query("SELECT raw FROM mempool_tx WHERE sender = ? LIMIT 1", (rs, i) -> rs.getBytes(1), key);
        }
        for (byte[] raw : raws) {
            try {
                Transaction tx = TransactionCodec.decode(raw);
                if (tx instanceof TransferTx transfer && transfer.sender().equals(address)) {
                    return Optional.of(policy(transfer.policy(), TransactionCodec.txid(tx).toHex()));
                }
            } catch (DecodeException e) {
                throw new IllegalStateException("a stored transaction does not decode", e);
            }
        }
        return Optional.empty();
    }

    /** Each key is named by the address of its own single-key policy. */
    private PolicyView policy(SpendingPolicy policy, String txid) {
        List<String> keyAddresses = new ArrayList<>();
        for (MlDsaPublicKey key : policy.keys()) {
            keyAddresses.add(AddressFormat.encode(SpendingPolicyCodec.address(SpendingPolicy.singleKey(key)), hrp));
        }
        return new PolicyView(policy.threshold(), keyAddresses, txid);
    }

    /** The newest {@code limit} reorganisations, each with its stale and its active branch. */
    public List<ForkView> forks(int limit) {
        List<ForkView> out = new ArrayList<>();
        for (ReorgView reorg : queries.reorgs(limit)) {
            List<ForkBlock> stale = jdbc.query("""
                    SELECT id, height FROM block WHERE height > ? AND height <= ? AND status = 'STALE' AND reorg_id = ?
                    ORDER BY height, id LIMIT ?""",
                    (rs, i) -> new ForkBlock(HEX.formatHex(rs.getBytes(1)), rs.getLong(2), false),
                    reorg.forkHeight(), reorg.oldTipHeight(), reorg.id(), MAX_BRANCH);
            long newTop = reorg.newTipHeight() == null ? reorg.forkHeight() : reorg.newTipHeight();
            List<ForkBlock> active = jdbc.query("""
                    SELECT id, height FROM block WHERE height > ? AND height <= ? AND status = 'ACTIVE'
                    ORDER BY height LIMIT ?""",
                    (rs, i) -> new ForkBlock(HEX.formatHex(rs.getBytes(1)), rs.getLong(2), true),
                    reorg.forkHeight(), Math.min(newTop, reorg.forkHeight() + MAX_BRANCH), MAX_BRANCH);
            out.add(new ForkView(reorg, stale, active));
        }
        return out;
    }
}
