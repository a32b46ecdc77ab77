package io.numicoin.support.mempool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletionException;
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
        assertThatThrownBy(() -> client.verdict(422, "x".repeat(MempoolSubmitClient.MAX_ANSWER_CHARS + 1)))
                .isInstanceOf(MempoolUnavailableException.class);
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
