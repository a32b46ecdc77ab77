package io.numicoin.pool.config;

import io.numicoin.miner.upstream.NodeClient;
import io.numicoin.pool.ledger.PoolLedger;
import io.numicoin.pool.payout.PayoutJob;
import io.numicoin.pool.payout.PayoutNode;
import io.numicoin.pool.payout.PayoutScheduler;
import io.numicoin.pool.payout.PoolKey;
import io.numicoin.protocol.params.NetworkParams;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Maturity checks and payouts, every {@code numi.pool.payout-interval}. */
@Configuration(proxyBeanMethods = false)
class PayoutConfiguration {

    @Bean
    PayoutJob payoutJob(NodeClient node, PayoutNode payoutNode, PoolLedger ledger, PoolKey key, NetworkParams params,
            PoolProperties properties) {
        PoolProperties.Pool p = properties.pool();
        return new PayoutJob(node, payoutNode, ledger, key, params.hrp(), params.chainId(), p.minPayout(), p.payoutFee(),
                p.payoutExpiryBlocks());
    }

    @Bean
    PayoutScheduler payoutScheduler(PayoutJob job, PoolProperties properties) {
        return new PayoutScheduler(job, properties.pool().payoutInterval());
    }
}
