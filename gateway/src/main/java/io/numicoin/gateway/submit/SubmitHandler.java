package io.numicoin.gateway.submit;

import io.numicoin.gateway.backend.BackendInstance;
import io.numicoin.gateway.backend.BackendPool;
import io.numicoin.gateway.backend.BackendUnavailableException;
import io.numicoin.gateway.backend.GuardedCall;
import io.numicoin.gateway.route.PublicRoutes;
import io.numicoin.support.mempool.MempoolSubmitClient;
import io.numicoin.support.mempool.MempoolVerdict;
import io.numicoin.support.problem.ProblemAnswer;
import io.numicoin.support.problem.ProblemVocabulary;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/transactions}: the mempool's verdict, synchronously. The bytes go to the
 * mempool (service-support's {@link MempoolSubmitClient}); an accepted transfer is 202 with the
 * node API's answer shape ({@code txid}, {@code status: ACCEPTED}, {@code outcome},
 * {@code replaced}), a refused one the mempool's problem as it gave it. When the mempool cannot
 * answer (down, circuit open, timeout, 5xx) the node takes the submission instead and its answer is
 * passed on ({@code SEEN} when it too could not reach the mempool). Never retried.
 */
public final class SubmitHandler {

    private static final Logger log = LoggerFactory.getLogger(SubmitHandler.class);
    private static final int MAX_NODE_ANSWER_BYTES = 64 * 1024;

    private final BackendPool mempool;
    private final BackendPool nodes;
    private final WebClient web;
    private final Duration timeout;
    private final JsonMapper json;
    private final Map<BackendInstance, MempoolSubmitClient> mempoolClients = new ConcurrentHashMap<>();

    public SubmitHandler(BackendPool mempool, BackendPool nodes, WebClient web, Duration timeout, JsonMapper json) {
        this.mempool = mempool;
        this.nodes = nodes;
        this.web = web;
        this.timeout = timeout;
        this.json = json;
    }

    public Mono<ServerResponse> submit(ServerRequest request) {
        boolean isJson = request.headers().contentType().map(MediaType.APPLICATION_JSON::isCompatibleWith).orElse(false);
        return DataBufferUtils.join(request.exchange().getRequest().getBody(), PublicRoutes.MAX_SUBMIT_BODY_BYTES)
                .map(SubmitHandler::bytes)
                .defaultIfEmpty(new byte[0])
                .flatMap(body -> {
                    byte[] tx;
                    try {
                        tx = SubmittedBody.decode(isJson, body, json);
                    } catch (IllegalArgumentException e) {
                        return problem(ProblemAnswer.of(400, ProblemVocabulary.INVALID_PARAMETER, e.getMessage()));
                    }
                    return toMempool(tx).onErrorResume(BackendUnavailableException.class, e -> {
                        log.warn("mempool cannot take a submission ({}); handing it to a node", e.getMessage());
                        return toNode(tx);
                    });
                });
    }

    private Mono<ServerResponse> toMempool(byte[] tx) {
        return GuardedCall.on(mempool, instance -> Mono.fromFuture(() -> client(instance).submit(tx), true))
                .flatMap(this::answer);
    }

    private Mono<ServerResponse> answer(MempoolVerdict verdict) {
        if (verdict.problem().isPresent()) {
            var problem = verdict.problem().get();
            return ServerResponse.status(problem.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .bodyValue(problem.document(PublicRoutes.SUBMIT_PATH));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("txid", verdict.txid());
        body.put("status", "ACCEPTED");
        body.put("outcome", verdict.outcome().name());
        body.put("replaced", verdict.replaced().orElse(null));
        return ServerResponse.status(HttpStatus.ACCEPTED).contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }

    private Mono<ServerResponse> toNode(byte[] tx) {
        return GuardedCall.on(nodes, instance -> web.post().uri(instance.uri().resolve(PublicRoutes.SUBMIT_PATH))
                        .contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(tx)
                        .exchangeToMono(response -> nodeAnswer(instance, response)))
                .onErrorMap(BackendUnavailableException.class, e -> new BackendUnavailableException(e.backend(), e.reason(),
                        "neither the mempool nor a node can take the transaction now", e));
    }

    /** The node's answer passed on (read up to 64 KiB); a 5xx is a failure of the node. */
    private Mono<ServerResponse> nodeAnswer(BackendInstance instance, ClientResponse response) {
        return DataBufferUtils.join(response.bodyToFlux(DataBuffer.class), MAX_NODE_ANSWER_BYTES)
                .map(SubmitHandler::bytes)
                .defaultIfEmpty(new byte[0])
                .flatMap(body -> {
                    if (response.statusCode().is5xxServerError()) {
                        return Mono.error(new BackendUnavailableException(nodes.backend(),
                                BackendUnavailableException.Reason.UNAVAILABLE,
                                instance.name() + " answered " + response.statusCode().value(), null));
                    }
                    return ServerResponse.status(response.statusCode())
                            .contentType(response.headers().contentType().orElse(MediaType.APPLICATION_JSON))
                            .bodyValue(body);
                });
    }

    private static byte[] bytes(DataBuffer buffer) {
        byte[] bytes = new byte[buffer.readableByteCount()];
        buffer.read(bytes);
        DataBufferUtils.release(buffer);
        return bytes;
    }

    private MempoolSubmitClient client(BackendInstance instance) {
        return mempoolClients.computeIfAbsent(instance, i -> new MempoolSubmitClient(i.uri(), timeout));
    }

    private Mono<ServerResponse> problem(ProblemAnswer answer) {
        return ServerResponse.status(answer.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(answer.document(PublicRoutes.SUBMIT_PATH));
    }
}
