package io.numicoin.node.storage;

import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.money.Amount;
import io.numicoin.protocol.state.Account;
import io.numicoin.protocol.state.AccountEntry;
import io.numicoin.protocol.state.ImmatureReward;
import io.numicoin.protocol.state.StateChanges;
import io.numicoin.protocol.state.StateElement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The SQL over {@code accounts} and {@code immature_rewards}: point and batch reads, and
 * writing a {@link StateChanges} with one statement per kind of write (arrays + {@code unnest}).
 * Writes join the caller's transaction.
 */
public final class StateTables {

    private static final String UPSERT_ACCOUNTS = """
            INSERT INTO accounts (address, balance, nonce)
            SELECT * FROM unnest(?::bytea[], ?::bigint[], ?::bigint[])
            ON CONFLICT (address) DO UPDATE SET balance = EXCLUDED.balance, nonce = EXCLUDED.nonce""";
    private static final String UPSERT_REWARDS = """
            INSERT INTO immature_rewards (paid_at_height, recipient, amount)
            SELECT * FROM unnest(?::bigint[], ?::bytea[], ?::bigint[])
            ON CONFLICT (paid_at_height) DO UPDATE SET recipient = EXCLUDED.recipient, amount = EXCLUDED.amount""";

    private final JdbcTemplate jdbc;

    public StateTables(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Account account(Address address) {
        List<Account> found = jdbc.query("SELECT balance, nonce FROM accounts WHERE address = ?",
                (rs, n) -> account(rs), (Object) address.policyHash().toArray());
        return found.isEmpty() ? Account.ZERO : found.getFirst();
    }

    /** The stored accounts among {@code addresses} (absent ones are missing from the map). */
    public Map<Address, Account> accounts(Collection<Address> addresses) {
        Map<Address, Account> found = new HashMap<>();
        if (addresses.isEmpty()) {
            return found;
        }
        List<byte[]> keys = addresses.stream().map(a -> a.policyHash().toArray()).toList();
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("SELECT address, balance, nonce FROM accounts WHERE address = ANY(?)");
            ps.setArray(1, PgArrays.bytea(con, keys));
            return ps;
        }, rs -> {
            found.put(address(rs.getBytes(1)), new Account(Amount.ofUnits(rs.getLong(2)), rs.getLong(3)));
        });
        return found;
    }

    public Optional<ImmatureReward> reward(long paidAtHeight) {
        return jdbc.query("SELECT paid_at_height, recipient, amount FROM immature_rewards WHERE paid_at_height = ?",
                (rs, n) -> reward(rs), paidAtHeight).stream().findFirst();
    }

    /** The stored rewards among {@code heights}. */
    public Map<Long, ImmatureReward> rewards(Collection<Long> heights) {
        Map<Long, ImmatureReward> found = new HashMap<>();
        for (long height : heights) {
            reward(height).ifPresent(r -> found.put(height, r));
        }
        return found;
    }

    /** Every immature reward (at most COINBASE_MATURITY rows), by paying height. */
    public List<ImmatureReward> allRewards() {
        return jdbc.query("SELECT paid_at_height, recipient, amount FROM immature_rewards ORDER BY paid_at_height",
                (rs, n) -> reward(rs));
    }

    /**
     * The current values of the entries {@code keys} names (its accounts' addresses, its rewards'
     * heights put or deleted): what a write of {@code keys} replaces, for moving the state hash.
     */
    public StateChanges currentValues(StateChanges keys) {
        List<Address> addresses = keys.accounts().stream().map(AccountEntry::address).toList();
        Map<Address, Account> stored = accounts(addresses);
        List<AccountEntry> current = new ArrayList<>(addresses.size());
        for (Address address : addresses) {
            current.add(new AccountEntry(address, stored.getOrDefault(address, Account.ZERO)));
        }
        List<Long> heights = new ArrayList<>();
        keys.rewardsPut().forEach(r -> heights.add(r.paidAtHeight()));
        heights.addAll(keys.rewardsDeleted());
        return new StateChanges(current, List.copyOf(new java.util.TreeMap<>(rewards(heights)).values()), List.of());
    }

    /** Writes {@code changes}: upserts, deletes of emptied accounts and of deleted rewards. */
    public void write(StateChanges changes) {
        List<byte[]> upsertAddresses = new ArrayList<>();
        List<Long> balances = new ArrayList<>();
        List<Long> nonces = new ArrayList<>();
        List<byte[]> deleted = new ArrayList<>();
        for (AccountEntry entry : changes.accounts()) {
            byte[] key = entry.address().policyHash().toArray();
            if (entry.account().isEmpty()) {
                deleted.add(key);
            } else {
                upsertAddresses.add(key);
                balances.add(entry.account().balance().units());
                nonces.add(entry.account().nonce());
            }
        }
        if (!upsertAddresses.isEmpty()) {
            jdbc.update(con -> {
                PreparedStatement ps = con.prepareStatement(UPSERT_ACCOUNTS);
                ps.setArray(1, PgArrays.bytea(con, upsertAddresses));
                ps.setArray(2, PgArrays.bigint(con, balances));
                ps.setArray(3, PgArrays.bigint(con, nonces));
                return ps;
            });
        }
        if (!deleted.isEmpty()) {
            jdbc.update(con -> {
                PreparedStatement ps = con.prepareStatement("DELETE FROM accounts WHERE address = ANY(?)");
                ps.setArray(1, PgArrays.bytea(con, deleted));
                return ps;
            });
        }
        writeRewards(changes);
    }

    private void writeRewards(StateChanges changes) {
        if (!changes.rewardsPut().isEmpty()) {
            List<Long> heights = changes.rewardsPut().stream().map(ImmatureReward::paidAtHeight).toList();
            List<byte[]> recipients = changes.rewardsPut().stream().map(r -> r.recipient().policyHash().toArray()).toList();
            List<Long> amounts = changes.rewardsPut().stream().map(r -> r.amount().units()).toList();
            jdbc.update(con -> {
                PreparedStatement ps = con.prepareStatement(UPSERT_REWARDS);
                ps.setArray(1, PgArrays.bigint(con, heights));
                ps.setArray(2, PgArrays.bytea(con, recipients));
                ps.setArray(3, PgArrays.bigint(con, amounts));
                return ps;
            });
        }
        if (!changes.rewardsDeleted().isEmpty()) {
            jdbc.update(con -> {
                PreparedStatement ps = con.prepareStatement("DELETE FROM immature_rewards WHERE paid_at_height = ANY(?)");
                ps.setArray(1, PgArrays.bigint(con, changes.rewardsDeleted()));
                return ps;
            });
        }
    }

    /** Streams every state element (accounts then rewards), for recomputing the state hash. */
    public void forEachElement(Consumer<StateElement> sink) {
        jdbc.query(con -> streaming(con.prepareStatement("SELECT address, balance, nonce FROM accounts")),
                rs -> {
                    sink.accept(new AccountEntry(address(rs.getBytes(1)), account(rs)));
                });
        jdbc.query(con -> streaming(con.prepareStatement("SELECT paid_at_height, recipient, amount FROM immature_rewards")),
                rs -> {
                    sink.accept(reward(rs));
                });
    }

    /** Streams the accounts of one bucket (first address byte {@code bucket}), a primary-key range scan. */
    public void forEachAccountInBucket(int bucket, Consumer<AccountEntry> sink) {
        byte[] low = new byte[Hash256.SIZE];
        low[0] = (byte) bucket;
        byte[] high = new byte[Hash256.SIZE];
        java.util.Arrays.fill(high, (byte) 0xff);
        high[0] = (byte) bucket;
        jdbc.query(con -> {
            PreparedStatement ps = streaming(con.prepareStatement(
                    "SELECT address, balance, nonce FROM accounts WHERE address BETWEEN ? AND ?"));
            ps.setBytes(1, low);
            ps.setBytes(2, high);
            return ps;
        }, rs -> {
            sink.accept(new AccountEntry(address(rs.getBytes(1)), account(rs)));
        });
    }

    /** Empties both tables (reindex starts from the empty state). */
    public void clear() {
        jdbc.update("TRUNCATE accounts, immature_rewards");
    }

    private static PreparedStatement streaming(PreparedStatement ps) throws SQLException {
        ps.setFetchSize(10_000);  // a cursor inside a transaction, not the whole table in memory
        return ps;
    }

    private static Account account(ResultSet rs) throws SQLException {
        return new Account(Amount.ofUnits(rs.getLong("balance")), rs.getLong("nonce"));
    }

    private static ImmatureReward reward(ResultSet rs) throws SQLException {
        return new ImmatureReward(rs.getLong(1), address(rs.getBytes(2)), Amount.ofUnits(rs.getLong(3)));
    }

    static Address address(byte[] bytes) {
        return new Address(Hash256.of(bytes));
    }
}
