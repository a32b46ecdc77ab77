package io.numicoin.pool.config;

import io.numicoin.miner.config.UpstreamClients;
import io.numicoin.miner.upstream.MempoolClient;
import io.numicoin.miner.upstream.NodeClient;
import io.numicoin.pool.payout.PayoutNode;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.support.node.NodeApiClient;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The miner's node and mempool clients, pointed at this pool's upstreams. */
@Configuration(proxyBeanMethods = false)
class UpstreamConfiguration {

    @Bean
    NetworkParams networkParams(PoolProperties properties) {
        return NetworkParams.of(properties.network());
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The one client of the node's API: the miner's {@link NodeClient} and the payouts share it. */
    @Bean
    NodeApiClient nodeApi(PoolProperties properties) {
        return UpstreamClients.nodeApi(properties.upstream());
    }

    @Bean
    NodeClient nodeClient(PoolProperties properties, NodeApiClient nodeApi) {
        return new NodeClient(nodeApi, properties.upstream().submitTimeout());
    }

    @Bean
    MempoolClient mempoolClient(PoolProperties properties) {
        return UpstreamClients.mempool(properties.upstream());
    }

    @Bean
    PayoutNode payoutNode(PoolProperties properties, NodeApiClient nodeApi) {
        return new PayoutNode(nodeApi, properties.upstream().submitTimeout());
    }
}
