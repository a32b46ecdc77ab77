package io.numicoin.gateway.config;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start with Actuator on the public port: the gateway is the internet-facing entry, and
 * management endpoints must only ever be on the cluster's network ({@code management.server.port}).
 */
@Component
public class ManagementPortCheck implements InitializingBean {

    private final Environment environment;

    public ManagementPortCheck(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void afterPropertiesSet() {
        String management = environment.getProperty("management.server.port");
        String server = environment.getProperty("server.port", "8080");
        if (management == null || management.isBlank() || (management.equals(server) && !server.equals("0"))) {
            throw new IllegalStateException("management.server.port must be set and differ from server.port: "
                    + "Actuator must never be reachable on the gateway's public port");
        }
    }
}
