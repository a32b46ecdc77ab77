package io.numicoin.minertest;

import io.numicoin.node.api.admin.AdminProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * For a miner started in a test JVM that also holds node-service: the node's management-context
 * configuration (its admin routes, listed in node-service's ManagementContextConfiguration.imports)
 * is picked up by every application's management server on this classpath and needs its settings.
 * Without a token those routes refuse everything; the miner itself has no admin routes.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdminProperties.class)
public class NodeManagementOnClasspath {
}
