package io.numicoin.p2p.protocols.reqresp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.p2p.host.Connection;
import io.numicoin.p2p.host.HostConfig;
import io.numicoin.p2p.host.ProtocolId;
import io.numicoin.p2p.host.netty.NettyHost;
import io.numicoin.p2p.identity.NodeIdentity;
import io.numicoin.p2p.multiaddr.Multiaddr;
import io.numicoin.p2p.peer.PeerId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RequestResponseTest {

    private static final RequestResponseProtocol UPPER = new RequestResponseProtocol(ProtocolId.of("/test/upper/1"), 1024,
            1024, Duration.ofSeconds(5));

    private NettyHost client;
    private NettyHost server;
    private Connection connection;

    @BeforeEach
    void start() throws Exception {
        client = NettyHost.create(NodeIdentity.generate(), HostConfig.defaults());
        server = NettyHost.create(NodeIdentity.generate(), HostConfig.defaults());
        RequestResponse.serve(server, UPPER, (peer, request) -> CompletableFuture.completedFuture(
                new String(request, StandardCharsets.UTF_8).toUpperCase().getBytes(StandardCharsets.UTF_8)));
        Multiaddr addr = server.listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")).get(5, TimeUnit.SECONDS);
        connection = client.dial(addr.withPeerId(server.peerId())).get(5, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static void assertKind(CompletableFuture<byte[]> future, RequestResponseException.Kind kind) {
        assertThatThrownBy(() -> future.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOfSatisfying(RequestResponseException.class, e -> assertThat(e.kind()).isEqualTo(kind));
    }

    @Test
    void answersManyRequestsEachOnItsOwnStream() throws Exception {
        List<CompletableFuture<byte[]>> answers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            answers.add(RequestResponse.request(connection, UPPER, ("hello " + i).getBytes(StandardCharsets.UTF_8)));
        }
        for (int i = 0; i < 50; i++) {
            assertThat(new String(answers.get(i).get(5, TimeUnit.SECONDS), StandardCharsets.UTF_8)).isEqualTo("HELLO " + i);
        }
        assertThat(RequestResponse.request(client, server.peerId(), UPPER, new byte[0]).get(5, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void refusesOversizedRequestsAndResponses() {
        assertKind(RequestResponse.request(connection, UPPER, new byte[1025]), RequestResponseException.Kind.TOO_LARGE);
        // a client that allows bigger requests than the server: the server resets
        RequestResponseProtocol lax = new RequestResponseProtocol(UPPER.id(), 4096, 16, Duration.ofSeconds(5));
        assertKind(RequestResponse.request(connection, lax, new byte[2000]), RequestResponseException.Kind.STREAM_RESET);
        // a response over the client's limit
        assertKind(RequestResponse.request(connection, lax, new byte[100]), RequestResponseException.Kind.TOO_LARGE);
    }

    @Test
    void timesOutWhenTheHandlerNeverAnswers() {
        RequestResponseProtocol slow = new RequestResponseProtocol(ProtocolId.of("/test/slow/1"), 64, 64, Duration.ofMillis(300));
        // The server gives up much later than the client, so the client's own deadline is what fires
        // (with equal deadlines the server's reset can win the race on a loaded machine).
        RequestResponseProtocol patientServer = new RequestResponseProtocol(ProtocolId.of("/test/slow/1"), 64, 64, Duration.ofSeconds(30));
        RequestResponse.serve(server, patientServer, (peer, request) -> new CompletableFuture<>());
        assertKind(RequestResponse.request(connection, slow, new byte[] {1}), RequestResponseException.Kind.TIMEOUT);
    }

    @Test
    void reportsUnsupportedProtocolsFailedHandlersAndMissingConnections() {
        RequestResponseProtocol missing = new RequestResponseProtocol(ProtocolId.of("/test/missing/1"), 64, 64, Duration.ofSeconds(5));
        assertKind(RequestResponse.request(connection, missing, new byte[] {1}), RequestResponseException.Kind.PROTOCOL_NOT_SUPPORTED);

        RequestResponseProtocol failing = new RequestResponseProtocol(ProtocolId.of("/test/failing/1"), 64, 64, Duration.ofSeconds(5));
        RequestResponse.serve(server, failing, (peer, request) -> CompletableFuture.failedFuture(new IllegalStateException("no")));
        assertKind(RequestResponse.request(connection, failing, new byte[] {1}), RequestResponseException.Kind.STREAM_RESET);

        assertKind(RequestResponse.request(client, PeerId.fromEd25519PublicKey(new byte[32]), UPPER, new byte[] {1}),
                RequestResponseException.Kind.NOT_CONNECTED);
    }
}
