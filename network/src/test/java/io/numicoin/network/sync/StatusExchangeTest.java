package io.numicoin.network.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.network.LoopbackPair;
import io.numicoin.network.NetworkProtocols;
import io.numicoin.p2p.host.Connection;
import io.numicoin.p2p.peer.PeerId;
import io.numicoin.p2p.protocols.reqresp.RequestResponse;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.params.Network;
import io.numicoin.protocol.params.NetworkParams;
import java.math.BigInteger;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class StatusExchangeTest {

    final NetworkProtocols protocols = NetworkProtocols.of(Network.REGTEST, Duration.ofSeconds(5));
    final NetworkParams params = NetworkParams.regtest();

    @Test
    void sendsOursAndReturnsThePeersStatus() throws Exception {
        ChainStatusMessage theirs = new ChainStatusMessage(params.genesisId(), Hash256.of(new byte[32]), 42, BigInteger.valueOf(9_000));
        AtomicReference<ChainStatusMessage> heard = new AtomicReference<>();
        AtomicReference<PeerId> from = new AtomicReference<>();
        try (LoopbackPair pair = new LoopbackPair()) {
            RequestResponse.serve(pair.server, protocols.status(), (peer, request) -> {
                try {
                    heard.set(SyncCodec.decodeStatus(request));
                    from.set(peer);
                    return CompletableFuture.completedFuture(SyncCodec.encodeStatus(theirs));
                } catch (DecodeException e) {
                    return CompletableFuture.failedFuture(e);
                }
            });
            pair.connect();
            ChainStatusMessage ours = ChainStatusMessage.atGenesis(params);

            assertThat(StatusExchange.request(pair.client, pair.server.peerId(), protocols.status(), ours).get(5, TimeUnit.SECONDS))
                    .isEqualTo(theirs);
            assertThat(heard.get()).isEqualTo(ours);
            assertThat(from.get()).isEqualTo(pair.client.peerId());

            Connection connection = pair.client.connection(pair.server.peerId()).orElseThrow();
            heard.set(null);
            assertThat(StatusExchange.request(connection, protocols.status(), ours).get(5, TimeUnit.SECONDS)).isEqualTo(theirs);
            assertThat(heard.get()).isEqualTo(ours);
        }
    }

    @Test
    void failsWithTheDecodeErrorWhenTheAnswerIsNoStatus() throws Exception {
        try (LoopbackPair pair = new LoopbackPair()) {
            RequestResponse.serve(pair.server, protocols.status(), (peer, request) -> CompletableFuture.completedFuture(new byte[] {1, 2, 3}));
            pair.connect();

            assertThatThrownBy(() -> StatusExchange.request(pair.client, pair.server.peerId(), protocols.status(),
                    ChainStatusMessage.atGenesis(params)).get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(DecodeException.class);
            Connection connection = pair.client.connection(pair.server.peerId()).orElseThrow();
            assertThatThrownBy(() -> StatusExchange.request(connection, protocols.status(), ChainStatusMessage.atGenesis(params))
                    .get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(DecodeException.class);
        }
    }

    @Test
    void theGenesisStatusClaimsOnlyTheGenesisBlocksWork() {
        ChainStatusMessage status = ChainStatusMessage.atGenesis(params);
        assertThat(status.genesisId()).isEqualTo(params.genesisId());
        assertThat(status.tipId()).isEqualTo(params.genesisId());
        assertThat(status.tipHeight()).isZero();
        assertThat(status.cumulativeWork()).isEqualTo(params.genesis().header().target().work()).isPositive();
        assertThat(ChainStatusMessage.atGenesis(NetworkParams.mainnet()).genesisId()).isNotEqualTo(params.genesisId());
    }
}
