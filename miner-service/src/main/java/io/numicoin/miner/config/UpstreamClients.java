package io.numicoin.miner.config;

import io.numicoin.miner.upstream.MempoolClient;
import io.numicoin.support.http.BearerToken;
import io.numicoin.support.httpclient.JsonHttpClient;
import io.numicoin.support.node.NodeApiClient;

/** The node and mempool clients built from {@code numi.upstream.*}: the miner's and the pool's, made once here. */
public final class UpstreamClients {

    private UpstreamClients() {
    }

    /** The node's API with the upstream's deadline, retries and mining token (inline or from its file). */
    public static NodeApiClient nodeApi(MinerProperties.Upstream up) {
        String miningToken = BearerToken.resolve(up.miningToken(), up.miningTokenFile(), "numi.upstream.mining-token").orElse(null);
        return new NodeApiClient(up.node(), up.timeout(), up.attempts(), up.retryBackoff(), miningToken);
    }

    /** The mempool's API with the upstream's deadline and retries, answers read up to {@link MempoolClient#MAX_ANSWER_BYTES}. */
    public static MempoolClient mempool(MinerProperties.Upstream up) {
        return new MempoolClient(JsonHttpClient.to("mempool", up.mempool()).timeout(up.timeout())
                .retries(up.attempts(), up.retryBackoff()).maxAnswerBytes(MempoolClient.MAX_ANSWER_BYTES).build());
    }
}
