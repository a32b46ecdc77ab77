package io.numicoin.node.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.numicoin.node.api.body.BoundedBodyReader;
import io.numicoin.node.api.submit.BlockSubmitter;
import io.numicoin.node.chain.ChainService;
import io.numicoin.node.config.NodeProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The public API's parts: JSON views, the bounded body reader and the block submit path (transactions: SubmitConfiguration). */
@Configuration(proxyBeanMethods = false)
public class ApiConfig {

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
