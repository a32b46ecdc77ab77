package io.numicoin.minertest;

import io.numicoin.node.api.admin.AdminProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * What a miner needs to run in a test JVM that also runs a node:
 * <ul>
 *   <li>its own Reactor Netty resources: with the JVM-wide ones, stopping or closing the miner
 *       would dispose the event loops the node serves on;</li>
 *   <li>the settings of the node's management-context configuration (admin routes, listed in
 *       node-service's ManagementContextConfiguration.imports), which every management server on
 *       this classpath picks up; without a token those routes refuse everything.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdminProperties.class)
public class MinerBesideNode {

    @Bean
    ReactorResourceFactory reactorResourceFactory() {
        ReactorResourceFactory factory = new ReactorResourceFactory();
        factory.setUseGlobalResources(false);
        return factory;
    }
}
