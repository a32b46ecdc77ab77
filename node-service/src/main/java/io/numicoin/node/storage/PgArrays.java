package io.numicoin.node.storage;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * PostgreSQL array parameters, so one statement ({@code unnest(?::bytea[], ...)} or
 * {@code = ANY(?)}) writes or reads a whole batch of rows in a single round trip.
 */
final class PgArrays {

    private PgArrays() {
    }

    static Array bytea(Connection connection, List<byte[]> values) throws SQLException {
        return connection.createArrayOf("bytea", values.toArray(new byte[0][]));
    }

    static Array bigint(Connection connection, List<Long> values) throws SQLException {
        return connection.createArrayOf("bigint", values.toArray(new Long[0]));
    }

    static Array integer(Connection connection, List<Integer> values) throws SQLException {
        return connection.createArrayOf("integer", values.toArray(new Integer[0]));
    }
}
