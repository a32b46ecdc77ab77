package io.numicoin.network.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.network.LoopbackPair;
import io.numicoin.network.NetworkProtocols;
import io.numicoin.p2p.identity.NodeIdentity;
import io.numicoin.p2p.host.Connection;
import io.numicoin.p2p.multiaddr.Multiaddr;
import io.numicoin.p2p.protocols.reqresp.RequestResponse;
import io.numicoin.protocol.params.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PeerExchangeClientTest {

    final NetworkProtocols protocols = NetworkProtocols.of(Network.REGTEST, java.time.Duration.ofSeconds(5));

    static Multiaddr someone(int i) {
        return Multiaddr.parse("/ip4/10.0.0." + i + "/tcp/8333").withPeerId(NodeIdentity.generate().peerId());
    }

    @Test
    void asksForAtMostMaxAndLeavesOutItsOwnAddress() throws Exception {
        List<Multiaddr> others = List.of(someone(1), someone(2), someone(3));
        AtomicInteger wanted = new AtomicInteger();
        try (LoopbackPair pair = new LoopbackPair()) {
            Multiaddr clientItself = Multiaddr.parse("/ip4/10.0.0.9/tcp/8333").withPeerId(pair.client.peerId());
            RequestResponse.serve(pair.server, protocols.peers(), (peer, request) -> {
                try {
                    wanted.set(PeerExchangeCodec.decodeRequest(request));
                } catch (PeerExchangeException e) {
                    return CompletableFuture.failedFuture(e);
                }
                List<Multiaddr> answer = new ArrayList<>(others);
                answer.add(1, clientItself);
                return CompletableFuture.completedFuture(PeerExchangeCodec.encodeResponse(answer));
            });
            pair.connect();

            List<Multiaddr> got = PeerExchangeClient.request(pair.client, pair.server.peerId(), protocols.peers(), 4)
                    .get(5, TimeUnit.SECONDS);

            assertThat(wanted.get()).isEqualTo(4);
            assertThat(got).containsExactlyElementsOf(others);

            Connection connection = pair.client.connection(pair.server.peerId()).orElseThrow();
            assertThat(PeerExchangeClient.request(connection, pair.client.peerId(), protocols.peers(), 4).get(5, TimeUnit.SECONDS))
                    .as("on a given connection, the asker's own address left out as well").containsExactlyElementsOf(others);
        }
    }

    @Test
    void refusesAnAnswerWithMoreThanAskedFor() throws Exception {
        try (LoopbackPair pair = new LoopbackPair()) {
            RequestResponse.serve(pair.server, protocols.peers(), (peer, request) -> CompletableFuture.completedFuture(
                    PeerExchangeCodec.encodeResponse(List.of(someone(1), someone(2), someone(3)))));
            pair.connect();

            assertThatThrownBy(() -> PeerExchangeClient.request(pair.client, pair.server.peerId(), protocols.peers(), 2)
                    .get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(PeerExchangeException.class);
            Connection connection = pair.client.connection(pair.server.peerId()).orElseThrow();
            assertThatThrownBy(() -> PeerExchangeClient.request(connection, pair.client.peerId(), protocols.peers(), 2)
                    .get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(PeerExchangeException.class);
        }
    }

    @Test
    void failsWhenThePeerDoesNotSpeakPeerExchange() throws Exception {
        try (LoopbackPair pair = new LoopbackPair().connect()) {
            assertThatThrownBy(() -> PeerExchangeClient.request(pair.client, pair.server.peerId(), protocols.peers(), 2)
                    .get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class);
        }
    }
}
