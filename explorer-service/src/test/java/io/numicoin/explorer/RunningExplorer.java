package io.numicoin.explorer;

import io.numicoin.node.testing.RealNode;
import io.numicoin.testkit.kafka.EmbeddedKafka;
import io.numicoin.testkit.postgres.TestDatabase;
import io.numicoin.testkit.postgres.TestPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The explorer service for end-to-end ITs: {@code ExplorerApplication} on a fresh database named
 * {@code name}, following {@code node} through {@code kafka}, its API on a free port, the lag
 * polled every 500 ms; {@code extraArgs} add or override settings.
 */
public final class RunningExplorer implements AutoCloseable {

    private final TestDatabase db;
    private final ConfigurableApplicationContext context;
    private final String baseUrl;
    private final WebTestClient http;

    public RunningExplorer(EmbeddedKafka kafka, RealNode node, String name, String... extraArgs) {
        db = TestPostgres.shared().createDatabase(name);
        List<String> args = new ArrayList<>(db.springArgs());
        args.addAll(List.of(
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--server.port=0",
                "--management.server.port=-1",
                "--numi.network=regtest",
                "--numi.node.base-url=" + node.baseUrl(),
                "--numi.index.lag-poll=500ms"));
        args.addAll(List.of(extraArgs));
        try {
            context = new SpringApplicationBuilder(ExplorerApplication.class).run(args.toArray(String[]::new));
        } catch (RuntimeException | Error e) {
            db.close();
            throw e;
        }
        baseUrl = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
        http = WebTestClient.bindToServer().baseUrl(baseUrl).responseTimeout(Duration.ofSeconds(30)).build();
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public WebTestClient http() {
        return http;
    }

    /** The read model's tip height (-1 before the first block). */
    public long height() {
        return context.getBean(JdbcTemplate.class).query("SELECT tip_height FROM chain_cursor", (rs, i) -> rs.getLong(1))
                .stream().findFirst().orElse(-1L);
    }

    /** The read model's tip id in hex (empty before the first block). */
    public String tipId() {
        return context.getBean(JdbcTemplate.class).query("SELECT encode(tip_id, 'hex') FROM chain_cursor",
                (rs, i) -> rs.getString(1)).stream().findFirst().orElse("");
    }

    @Override
    public void close() {
        context.close();
        db.close();
    }
}
