package io.numicoin.devnet.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    private static final String EXPOSITION = """
            # HELP numi_p2p_peers connected peers
            # TYPE numi_p2p_peers gauge
            numi_p2p_peers{application="numi-node"} 2.0
            numi_p2p_peers_total 40.0
            numi_p2p_connections{direction="inbound"} 1.0
            numi_p2p_connections{direction="outbound"} 1.0
            """;

    @Test
    void readsTheGaugeAndNotMetricsThatShareItsPrefix() {
        assertThat(PrometheusText.gauge(EXPOSITION, "numi_p2p_peers")).hasValue(2.0);
        assertThat(PrometheusText.gauge(EXPOSITION, "numi_p2p_connections")).hasValue(2.0);
        assertThat(PrometheusText.gauge(EXPOSITION, "numi_chain_height")).isEmpty();
        assertThat(PrometheusText.gauge("numi_p2p_peers 3", "numi_p2p_peers")).hasValue(3.0);
    }
}
