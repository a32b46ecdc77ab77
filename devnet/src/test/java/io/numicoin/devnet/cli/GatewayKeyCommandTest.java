package io.numicoin.devnet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.gateway.key.ApiKeyStore;
import io.numicoin.gateway.key.ApiKeyToken;
import io.numicoin.testkit.postgres.TestDatabase;
import io.numicoin.testkit.postgres.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code ./numi gateway key} against a real PostgreSQL holding the gateway's schema (its own migration). */
class GatewayKeyCommandTest {

    private static TestDatabase db;

    @BeforeAll
    static void schema() throws Exception {
        db = TestPostgres.shared().createDatabase("gateway_cli");
        String migration;
        try (InputStream in = ApiKeyStore.class.getClassLoader().getResourceAsStream("db/gateway/V1__api_keys.sql")) {
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA gateway");
            s.execute("SET search_path TO gateway");
            s.execute(migration);
        }
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    private record Run(int code, String out) {
    }

    private static Run run(String... args) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--db", db.jdbcUrl(), "--db-user", db.user()));
        int code = new GatewayKeyCommand(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run(all);
        return new Run(code, bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void createListRevoke() throws Exception {
        Run created = run("key", "create", "--label", "wallet-app", "--scopes", "read", "--rate", "7", "--burst", "30");
        assertThat(created.code()).isZero();
        String text = created.out().lines().filter(l -> l.startsWith("key:")).findFirst().orElseThrow().substring(4).strip();
        ApiKeyToken token = ApiKeyToken.parse(text).orElseThrow();
        Run listed = run("key", "list");
        assertThat(listed.out()).contains(token.id()).contains("wallet-app").contains("read").contains("7.00/s burst 30")
                .doesNotContain(token.secret());
        assertThat(run("key", "revoke", token.id())).isEqualTo(new Run(0, "revoked " + token.id() + System.lineSeparator()));
        assertThat(run("key", "revoke", token.id()).code()).isEqualTo(1);
        assertThat(run("key", "list").out().lines().filter(l -> l.startsWith(token.id())).findFirst().orElseThrow())
                .doesNotEndWith(" -");
    }

    @Test
    void refusesWhatItCannotDo() throws Exception {
        assertThatThrownBy(() -> run("key", "create")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--label");
        assertThatThrownBy(() -> run("key", "create", "--label", "x", "--scopes", "mine"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> run("key", "create", "--label", "x", "--burst", "0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        assertThat(run("key", "help").code()).isZero();
    }
}
