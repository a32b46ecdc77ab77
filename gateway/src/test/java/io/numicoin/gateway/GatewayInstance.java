package io.numicoin.gateway;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/** One gateway replica: the real application on free loopback ports, with the given settings. */
final class GatewayInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private GatewayInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static GatewayInstance start(List<String> settings) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0", "--server.address=127.0.0.1",
                "--management.server.port=0", "--management.server.address=127.0.0.1",
                "--spring.main.banner-mode=off",
                // node-service (GatewayRealServicesIT's nodes run in this JVM) puts springdoc on the test class path,
                // which the gateway's jar does not have: off, so the gateway serves here what it serves in production
                "--springdoc.api-docs.enabled=false", "--springdoc.swagger-ui.enabled=false"));
        settings.forEach(s -> args.add("--" + s));
        return new GatewayInstance(new SpringApplicationBuilder(GatewayApplication.class).run(args.toArray(String[]::new)));
    }

    int port() {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    int managementPort() {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.management.port"));
    }

    WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port()).responseTimeout(Duration.ofSeconds(10)).build();
    }

    WebTestClient management() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort()).responseTimeout(Duration.ofSeconds(10)).build();
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
