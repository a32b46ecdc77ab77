package io.numicoin.support.mempool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The answers the mempool documents (docs/mempool-api.md) read as verdicts; anything else is no verdict. */
class MempoolSubmitClientTest {

    final MempoolSubmitClient client = new MempoolSubmitClient(URI.create("http://127.0.0.1:1"), Duration.ofSeconds(2));

    @Test
    void acceptedAnswersCarryTheOutcomeAndTheReplacedTxid() {
        MempoolVerdict added = client.verdict(200, "{\"txid\":\"aa\",\"outcome\":\"ADDED\"}");
        assertThat(added.accepted()).isTrue();
        assertThat(added.outcome()).isEqualTo(MempoolVerdict.Outcome.ADDED);
        assertThat(added.replaced()).isEmpty();
        MempoolVerdict replaced = client.verdict(200, "{\"txid\":\"aa\",\"outcome\":\"REPLACED\",\"replaced\":\"bb\"}");
        assertThat(replaced.replaced()).contains("bb");
    }

    @Test
    void aRefusalIsTheProblemWithItsRule() {
        MempoolVerdict refused = client.verdict(422, """
                {"type":"https://numicoin.io/problems/fee-rate-too-low","title":"Fee rate too low","status":422,
                 "detail":"fee rate 18","instance":"/api/v1/mempool/transactions","rule":"FEE_RATE_TOO_LOW",
                 "outcome":"INVALID","txid":"cc"}""");
        assertThat(refused.accepted()).isFalse();
        assertThat(refused.txid()).isEqualTo("cc");
        assertThat(refused.problem().orElseThrow().rule()).isEqualTo("FEE_RATE_TOO_LOW");
        assertThat(refused.problem().orElseThrow().detail()).isEqualTo("fee rate 18");
    }

    @Test
    void serverErrorsAndUnreadableAnswersAreNoVerdict() {
        assertThatThrownBy(() -> client.verdict(503, "{\"rule\":\"ACCOUNT_UNAVAILABLE\"}"))
                .isInstanceOf(MempoolUnavailableException.class).hasMessageContaining("503");
        assertThatThrownBy(() -> client.verdict(200, "<html>")).isInstanceOf(MempoolUnavailableException.class);
        assertThatThrownBy(() -> client.verdict(200, "{\"outcome\":\"MAYBE\"}")).isInstanceOf(MempoolUnavailableException.class);
        assertThatThrownBy(() -> client.verdict(200, "{\"outcome\":\"INVALID\"}")).isInstanceOf(MempoolUnavailableException.class);
    }

    @Test
    void anAnswerOverTheBoundIsCutOffAndIsNoVerdict() throws IOException {
        AtomicBoolean oneByteMore = new AtomicBoolean();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(MempoolSubmitClient.PATH, exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, 0); // chunked: no length announced
            try (OutputStream out = exchange.getResponseBody()) {
                // a verdict padded with spaces to exactly the bound, or to one byte more
                String verdict = "{\"txid\":\"aa\",\"outcome\":\"ADDED\"}";
                out.write((verdict + " ".repeat(MempoolSubmitClient.MAX_ANSWER_BYTES - verdict.length())).getBytes(StandardCharsets.UTF_8));
                if (oneByteMore.get()) {
                    out.write(' ');
                }
            } catch (IOException cutOff) {
                // the client stopped reading at its bound
            }
        });
        server.start();
        try {
            URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
            MempoolSubmitClient mempool = new MempoolSubmitClient(base, Duration.ofSeconds(5));
            assertThat(mempool.submit(new byte[] {1}).join().outcome()).isEqualTo(MempoolVerdict.Outcome.ADDED);
            oneByteMore.set(true);
            assertThatThrownBy(() -> mempool.submit(new byte[] {1}).join())
                    .isInstanceOf(CompletionException.class).cause().isInstanceOf(MempoolUnavailableException.class)
                    .hasMessageContaining("exceeds capacity: " + MempoolSubmitClient.MAX_ANSWER_BYTES);   // the JDK's limiting handler
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aMempoolThatDoesNotListenIsNoVerdict() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        MempoolSubmitClient closed = new MempoolSubmitClient(URI.create("http://127.0.0.1:" + port), Duration.ofSeconds(2));
        assertThatThrownBy(() -> closed.submit(new byte[] {1}).join())
                .isInstanceOf(CompletionException.class).cause().isInstanceOf(MempoolUnavailableException.class);
    }
}
