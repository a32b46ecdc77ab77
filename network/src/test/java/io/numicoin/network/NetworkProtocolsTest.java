package io.numicoin.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.network.peers.PeerExchangeCodec;
import io.numicoin.network.sync.SyncCodec;
import io.numicoin.protocol.params.Network;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class NetworkProtocolsTest {

    @Test
    void namesEveryProtocolAndTopicAfterTheNetwork() {
        NetworkProtocols protocols = NetworkProtocols.of(Network.TESTNET, Duration.ofSeconds(7));
        assertThat(protocols.blocksTopic()).isEqualTo("/numi/testnet/blocks/1");
        assertThat(protocols.txsTopic()).isEqualTo("/numi/testnet/txs/1");
        assertThat(protocols.status().id().toString()).isEqualTo("/numi/testnet/status/1");
        assertThat(protocols.headers().id().toString()).isEqualTo("/numi/testnet/headers/1");
        assertThat(protocols.blocks().id().toString()).isEqualTo("/numi/testnet/blocks/1");
        assertThat(protocols.peers().id().toString()).isEqualTo("/numi/testnet/peers/1");
        assertThat(NetworkProtocols.of(Network.MAINNET, Duration.ofSeconds(7)).status().id().toString())
                .isEqualTo("/numi/mainnet/status/1");
    }

    @Test
    void boundsEveryMessageByItsCodecsLimitAndTimesOut() {
        NetworkProtocols protocols = NetworkProtocols.of(Network.REGTEST, Duration.ofSeconds(7));
        assertThat(protocols.status().maxRequestBytes()).isEqualTo(SyncCodec.STATUS_BYTES_MAX);
        assertThat(protocols.status().maxResponseBytes()).isEqualTo(SyncCodec.STATUS_BYTES_MAX);
        assertThat(protocols.headers().maxRequestBytes()).isEqualTo(SyncCodec.HEADERS_REQUEST_BYTES_MAX);
        assertThat(protocols.headers().maxResponseBytes()).isEqualTo(SyncCodec.HEADERS_RESPONSE_BYTES_MAX);
        assertThat(protocols.blocks().maxRequestBytes()).isEqualTo(32);
        assertThat(protocols.peers().maxResponseBytes()).isEqualTo(PeerExchangeCodec.MAX_RESPONSE_BYTES);
        assertThat(protocols.headers().timeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(protocols.peers().timeout()).isEqualTo(NetworkProtocols.PEER_EXCHANGE_TIMEOUT);
        assertThat(NetworkProtocols.peerExchange(Network.REGTEST)).isEqualTo(protocols.peers());
    }
}
