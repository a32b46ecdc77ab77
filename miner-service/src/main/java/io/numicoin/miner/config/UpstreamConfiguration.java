package io.numicoin.miner.config;

import io.numicoin.miner.assembly.StateCommitmentSource;
import io.numicoin.miner.upstream.MempoolClient;
import io.numicoin.miner.upstream.NodeClient;
import io.numicoin.miner.upstream.ProposalStateCommitmentSource;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.support.http.BearerToken;
import io.numicoin.support.httpclient.JsonHttpClient;
import io.numicoin.support.node.NodeApiClient;
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
        MinerProperties.Upstream up = properties.upstream();
        String miningToken = BearerToken.resolve(up.miningToken(), up.miningTokenFile(), "numi.upstream.mining-token").orElse(null);
        return new NodeClient(new NodeApiClient(up.node(), up.timeout(), up.attempts(), up.retryBackoff(), miningToken),
                up.submitTimeout());
    }

    @Bean
    MempoolClient mempoolClient(MinerProperties properties) {
        MinerProperties.Upstream up = properties.upstream();
        return new MempoolClient(JsonHttpClient.to("mempool", up.mempool()).timeout(up.timeout())
                .retries(up.attempts(), up.retryBackoff()).maxAnswerBytes(MempoolClient.MAX_ANSWER_BYTES).build());
    }

    @Bean
    @ConditionalOnMissingBean
    StateCommitmentSource stateCommitmentSource(NodeClient node) {
        return new ProposalStateCommitmentSource(node);
    }
}
