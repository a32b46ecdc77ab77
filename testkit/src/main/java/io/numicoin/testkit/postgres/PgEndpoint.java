package io.numicoin.testkit.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a PostgreSQL server is and how to log in to it: a JDBC URL naming an administrative
 * database ({@code postgres}), a user allowed to create databases, and a password (may be empty).
 */
record PgEndpoint(String adminUrl, String user, String password) {

    private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/?]+)(?:/([^?]*))?(\\?.*)?$");
    private static final int CONNECT_TIMEOUT_SECONDS = 3;

    PgEndpoint {
        if (!URL.matcher(adminUrl).matches()) {
            throw new IllegalArgumentException("PostgreSQL URL must look like "
                    + "jdbc:postgresql://host:port/database, got: " + adminUrl);
        }
    }

    /** The same server and parameters, naming {@code database} instead of the admin database. */
    String urlFor(String database) {
        Matcher m = URL.matcher(adminUrl);
        if (!m.matches()) {
            throw new IllegalStateException("unreachable: URL checked in constructor");
        }
        String params = m.group(3) == null ? "" : m.group(3);
        return m.group(1) + "/" + database + params;
    }

    /** Opens a connection to the admin database; gives up after a few seconds. */
    Connection connectAdmin() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        props.setProperty("ApplicationName", "numicoin-testkit");
        return DriverManager.getConnection(adminUrl, props);
    }

    @Override
    public String toString() {
        return adminUrl + " as " + user;
    }
}
