package io.numicoin.miner.config;

import io.numicoin.miner.assembly.StateCommitmentSource;
import io.numicoin.miner.upstream.MempoolClient;
import io.numicoin.miner.upstream.NodeClient;
import io.numicoin.miner.upstream.ProposalStateCommitmentSource;
import io.numicoin.protocol.params.NetworkParams;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The node and mempool clients, and where the post-block state commitment comes from. */
@Configuration(proxyBeanMethods = false)
class UpstreamConfiguration {

    @Bean
    NetworkParams networkParams(MinerProperties properties) {
        return NetworkParams.of(properties.network());
    }

    @Bean
    NodeClient nodeClient(MinerProperties properties) {
        return new NodeClient(UpstreamClients.nodeApi(properties.upstream()), properties.upstream().submitTimeout());
    }

    @Bean
    MempoolClient mempoolClient(MinerProperties properties) {
        return UpstreamClients.mempool(properties.upstream());
    }

    @Bean
    @ConditionalOnMissingBean
    StateCommitmentSource stateCommitmentSource(NodeClient node) {
        return new ProposalStateCommitmentSource(node);
    }
}
