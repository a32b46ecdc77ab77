package io.numicoin.node.query;

import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.money.Amount;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Read-only queries over {@code accounts}, {@code immature_rewards} and an address's transactions in
 * {@code chain_transactions} (by the sender and recipient indexes, newest first, keyset-paged).
 */
public final class AccountQueries {

    private final JdbcClient jdbc;

    public AccountQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The account's balance and nonce, and its immature rewards (at most {@code COINBASE_MATURITY}
     * rows exist, so the sum is cheap), read in one statement so they belong to the same tip.
     */
    public AccountRecord account(Address address) {
        byte[] key = address.policyHash().toArray();
        return jdbc.sql("""
                        SELECT (SELECT balance FROM accounts WHERE address = :a) AS balance,
                               (SELECT nonce FROM accounts WHERE address = :a) AS nonce,
                               (SELECT COALESCE(SUM(amount), 0) FROM immature_rewards WHERE recipient = :a) AS immature,
                               (SELECT height FROM chain_tip) AS tip_height
                        """)
                .param("a", key)
                .query((rs, n) -> new AccountRecord(address,
                        Amount.ofUnits(rs.getLong("balance")),
                        rs.getLong("nonce"),
                        Amount.ofUnits(rs.getLong("immature")),
                        tipHeight(rs)))
                .single();
    }

    /** Up to {@code limit} of the address's transactions older than {@code before}, newest first. */
    public List<AccountTxRecord> history(Address address, HistoryCursor before, int limit) {
        return jdbc.sql("""
                        SELECT txid, block_id, height, position, sender, recipient FROM (
                            (SELECT * FROM chain_transactions
                             WHERE sender = :a AND (height, position) < (:h, :p)
                             ORDER BY height DESC, position DESC LIMIT :n)
                            UNION
                            (SELECT * FROM chain_transactions
                             WHERE recipient = :a AND (height, position) < (:h, :p)
                             ORDER BY height DESC, position DESC LIMIT :n)
                        ) t ORDER BY height DESC, position DESC LIMIT :n
                        """)
                .param("a", address.policyHash().toArray())
                .param("h", before.height())
                .param("p", before.position())
                .param("n", limit)
                .query((rs, n) -> historyEntry(rs))
                .list();
    }

    private static AccountTxRecord historyEntry(ResultSet rs) throws SQLException {
        byte[] sender = rs.getBytes("sender");
        return new AccountTxRecord(
                Hash256.of(rs.getBytes("txid")),
                Hash256.of(rs.getBytes("block_id")),
                rs.getLong("height"),
                rs.getInt("position"),
                sender == null ? Optional.empty() : Optional.of(new Address(Hash256.of(sender))),
                new Address(Hash256.of(rs.getBytes("recipient"))));
    }

    private static long tipHeight(ResultSet rs) throws SQLException {
        long height = rs.getLong("tip_height");
        return rs.wasNull() ? -1 : height;
    }
}
