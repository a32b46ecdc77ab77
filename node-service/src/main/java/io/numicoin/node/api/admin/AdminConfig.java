package io.numicoin.node.api.admin;

import io.numicoin.node.chain.NodeChainService;
import io.numicoin.node.integrity.StartupIntegrityCheck;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The admin operations (served by {@link AdminRoutes} on the management port). Add an operation
 * by declaring another {@link AdminOperation} bean.
 */
@Configuration(proxyBeanMethods = false)
public class AdminConfig {

    @Bean
    public IntegrityCheckOperation integrityCheckOperation(StartupIntegrityCheck check, NodeChainService chain) {
        return new IntegrityCheckOperation(check, chain);
    }
}
