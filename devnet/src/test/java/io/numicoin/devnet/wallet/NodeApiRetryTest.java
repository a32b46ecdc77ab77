package io.numicoin.devnet.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.numicoin.support.node.NodeTransactionAnswer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Against a real HTTP server on loopback that drops the first connections: {@link NodeApi#submitTransaction}
 * sends a submission that got no answer again with the same bytes, a refusal not; the wallet's
 * {@link NodeApi#withReadRetries} asks a read again, the launcher's plain {@link NodeApi} does not.
 */
class NodeApiRetryTest {

    private static final String TX_HEX = "0a0b0c";
    private static final String ACCEPTED = "{\"txid\":\"" + "ab".repeat(32) + "\",\"status\":\"ACCEPTED\",\"outcome\":\"DUPLICATE\"}";

    private static final String CHAIN = "{\"network\":\"regtest\",\"tipId\":\"" + "cd".repeat(32)
            + "\",\"height\":42,\"cumulativeWork\":\"1000\"}";

    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final AtomicInteger chainAsked = new AtomicInteger();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** The n-th POST (from 1): null drops the connection without an answer, else status and body. */
    private NodeApi serving(IntFunction<Answer> answers) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/transactions", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            Answer answer = answers.apply(bodies.size());
            if (answer == null) {
                exchange.close();
                return;
            }
            send(exchange, answer);
        });
        server.createContext("/api/v1/chain", exchange -> {
            Answer answer = answers.apply(chainAsked.incrementAndGet());
            if (answer == null) {
                exchange.close();
                return;
            }
            send(exchange, answer);
        });
        server.start();
        return new NodeApi(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", answer.status() < 300 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(answer.status(), body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    record Answer(int status, String body) {
    }

    @Test
    void noAnswerIsSentAgainWithTheSameBytesAndSaidSo() throws Exception {
        NodeApi api = serving(n -> n < 3 ? null : new Answer(202, ACCEPTED));
        List<String> notes = new ArrayList<>();
        NodeTransactionAnswer answer = api.submitTransaction(new byte[] {10, 11, 12}, notes::add);
        assertThat(answer.status()).isEqualTo("ACCEPTED");
        assertThat(answer.outcome()).isEqualTo("DUPLICATE");
        assertThat(bodies).hasSize(3).allMatch(body -> body.contains(TX_HEX)).containsOnly(bodies.getFirst());
        assertThat(notes).hasSize(2);
        assertThat(notes.getFirst()).contains("unreachable").endsWith("sending the same signed transaction again (2 of 3; the same bytes cannot pay twice)");
        assertThat(notes.get(1)).contains("(3 of 3;");
    }

    @Test
    void givesUpAfterThreeAttemptsWithoutAnAnswer() throws Exception {
        NodeApi api = serving(n -> null);
        List<String> notes = new ArrayList<>();
        assertThatThrownBy(() -> api.submitTransaction(new byte[] {10, 11, 12}, notes::add))
                .isInstanceOf(IOException.class).hasMessageContaining("unreachable").hasMessageEndingWith("(after 3 attempts)");
        assertThat(bodies).hasSize(3);
        assertThat(notes).hasSize(2);
    }

    @Test
    void aRefusalIsNotSentAgainAndARefusalAfterASilentAttemptSaysItMayHaveBeenAccepted() throws Exception {
        String problem = "{\"type\":\"about:blank\",\"title\":\"Unprocessable\",\"status\":422,\"detail\":\"nonce 1 is below the account's 2\","
                + "\"rule\":\"NONCE_TOO_LOW\"}";
        NodeApi refusing = serving(n -> new Answer(422, problem));
        assertThatThrownBy(() -> refusing.submitTransaction(new byte[] {10, 11, 12}, note -> { }))
                .isInstanceOf(NodeApi.RefusedException.class).hasMessage("refused (422): NONCE_TOO_LOW: nonce 1 is below the account's 2");
        assertThat(bodies).hasSize(1);
        stop();
        bodies.clear();

        NodeApi silentThenRefusing = serving(n -> n == 1 ? null : new Answer(422, problem));
        assertThatThrownBy(() -> silentThenRefusing.submitTransaction(new byte[] {10, 11, 12}, note -> { }))
                .isInstanceOf(NodeApi.RefusedException.class)
                .hasMessageEndingWith("(an earlier attempt got no answer and may have been accepted: look the txid up)");
        assertThat(bodies).hasSize(2);
    }

    @Test
    void theWalletAsksAReadAgainAfterNoAnswerAndTheLauncherDoesNot() throws Exception {
        // The JDK's client itself sends a GET whose connection closed unanswered once more: one attempt is
        // up to two connections, so four dropped ones outlast the launcher's one attempt, not the wallet's three.
        NodeApi once = serving(n -> n <= 4 ? null : new Answer(200, CHAIN));
        assertThatThrownBy(once::chain).isInstanceOf(IOException.class).hasMessageContaining("GET").hasMessageContaining("unreachable");
        assertThat(chainAsked.get()).as("connections of one attempt").isBetween(1, 2);

        NodeApi wallet = NodeApi.withReadRetries(once.base());
        assertThat(wallet.chain().height()).isEqualTo(42);
        assertThat(chainAsked.get()).as("the wallet's read answered on a later attempt").isEqualTo(5);

        chainAsked.set(-100);  // every connection from here on is dropped
        assertThatThrownBy(NodeApi.withReadRetries(once.base())::chain).isInstanceOf(IOException.class).hasMessageContaining("unreachable");
        assertThat(chainAsked.get() + 100).as("connections of three attempts").isBetween(3, 6);
    }
}
