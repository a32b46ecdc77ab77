package io.numicoin.node.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.numicoin.node.api.body.BoundedBodyReader;
import io.numicoin.node.api.mining.MiningAccessFilter;
import io.numicoin.node.api.mining.MiningToken;
import io.numicoin.node.api.submit.BlockSubmitter;
import io.numicoin.node.chain.ChainService;
import io.numicoin.node.config.NodeProperties;
import io.numicoin.support.http.HttpLimitsConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public API's parts: JSON views, the bounded body reader, the block submit path (transactions:
 * SubmitConfiguration), the mining token check and the HTTP limits ({@code numi.http.*}: timeouts,
 * requests and body bytes in flight).
 */
@Configuration(proxyBeanMethods = false)
@Import(HttpLimitsConfiguration.class)
public class ApiConfig {

    @Bean
    public MiningAccessFilter miningAccessFilter(ApiProperties api) {
        return new MiningAccessFilter(MiningToken.of(api.miningToken(), api.miningTokenFile()));
    }

    @Bean
    public ApiViews apiViews(NodeProperties node) {
        return new ApiViews(node.params());
    }

    @Bean
    public BoundedBodyReader boundedBodyReader(JsonMapper json) {
        return new BoundedBodyReader(json);
    }

    @Bean
    public BlockSubmitter blockSubmitter(ChainService chain, ApiProperties api, MeterRegistry meters) {
        return new BlockSubmitter(chain, api.blockTimeout(), meters);
    }
}
