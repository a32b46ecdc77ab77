package io.numicoin.gateway.key;

import io.numicoin.gateway.limit.Limits;
import io.numicoin.gateway.route.Scope;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The API keys in PostgreSQL (schema {@code gateway}, made by the gateway's Flyway migrations).
 * Plain JDBC, no Spring: the gateway and {@code ./numi gateway key} share it.
 */
public final class ApiKeyStore {

    /** The PostgreSQL channel a change to a key is announced on (by a trigger). */
    public static final String CHANNEL = "numi_gateway_api_key";

    private static final String COLUMNS =
            "id, label, scopes, rate, burst, expensive_rate, expensive_burst, created_at, revoked_at";

    private final DataSource dataSource;
    private final String table;

    public ApiKeyStore(DataSource dataSource, String schema) {
        if (!schema.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("invalid schema name: " + schema);
        }
        this.dataSource = dataSource;
        this.table = schema + ".api_key";
    }

    /** A key with its stored hash, for verifying a presented secret. */
    public record Stored(ApiKey key, byte[] secretHash) {
    }

    /** Makes and stores a new key; the returned token's text is shown to the admin once. */
    public Created create(String label, Set<Scope> scopes, Limits limits) throws SQLException {
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("a key needs at least one scope");
        }
        ApiKeyToken token = ApiKeyToken.generate();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO " + table + " (id, secret_hash, label, scopes, rate, burst, expensive_rate, expensive_burst)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING " + COLUMNS)) {
            s.setString(1, token.id());
            s.setBytes(2, token.hash());
            s.setString(3, label);
            s.setArray(4, c.createArrayOf("text", scopes.stream().map(Scope::id).sorted().toArray()));
            s.setDouble(5, limits.rate());
            s.setInt(6, limits.burst());
            s.setDouble(7, limits.expensiveRate());
            s.setInt(8, limits.expensiveBurst());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new Created(token, read(rs));
            }
        }
    }

    /** A new key: the token (its secret shown once) and the stored record. */
    public record Created(ApiKeyToken token, ApiKey key) {
    }

    public Optional<Stored> find(String id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT " + COLUMNS + ", secret_hash FROM " + table + " WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new Stored(read(rs), rs.getBytes("secret_hash"))) : Optional.empty();
            }
        }
    }

    /** Every key, oldest first. */
    public List<ApiKey> list() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM " + table + " ORDER BY created_at, id"); ResultSet rs = s.executeQuery()) {
            List<ApiKey> keys = new ArrayList<>();
            while (rs.next()) {
                keys.add(read(rs));
            }
            return keys;
        }
    }

    /** Revokes key {@code id}; false when there is no such key or it was revoked already. */
    public boolean revoke(String id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE " + table + " SET revoked_at = now() WHERE id = ? AND revoked_at IS NULL")) {
            s.setString(1, id);
            return s.executeUpdate() == 1;
        }
    }

    private static ApiKey read(ResultSet rs) throws SQLException {
        Array scopes = rs.getArray("scopes");
        Set<Scope> parsed = new LinkedHashSet<>();
        Arrays.stream((Object[]) scopes.getArray()).forEach(s -> parsed.add(Scope.parse(s.toString())));
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new ApiKey(rs.getString("id"), rs.getString("label"), parsed,
                new Limits(rs.getDouble("rate"), rs.getInt("burst"), rs.getDouble("expensive_rate"), rs.getInt("expensive_burst")),
                rs.getTimestamp("created_at").toInstant(), Optional.ofNullable(revoked).map(Timestamp::toInstant));
    }

}
