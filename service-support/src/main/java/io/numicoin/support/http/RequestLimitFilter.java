package io.numicoin.support.http;

import io.numicoin.support.problem.ProblemVocabulary;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Caps what requests in progress hold: at most {@code maxConcurrentRequests} at once, and at most
 * {@code maxBodyBytesInFlight} bytes of their bodies (a declared {@code Content-Length} is reserved
 * before a byte is read; a chunked body reserves as it arrives). Past either cap the request is
 * answered 503 {@code BUSY} with {@code Retry-After: 1}, unread, so a flood costs the service
 * nothing but the refusal. Paths of long-lived streams are left to their own cap, and
 * {@code /actuator/} (probes, metrics) is never refused.
 */
public final class RequestLimitFilter implements WebFilter, Ordered {

    /** Before every other filter, so nothing is decoded or authenticated for a refused request. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    /** Health probes and metrics (management port) are never refused: a busy service must not look dead. */
    private static final String ACTUATOR = "/actuator/";
    /** The rule of a refused request's problem: too much in progress, retry after a second. */
    public static final String BUSY = "BUSY";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Semaphore requests;
    private final long maxBodyBytes;
    private final AtomicLong bodyBytes = new AtomicLong();
    private final Set<String> longLivedPaths;

    public RequestLimitFilter(HttpLimits limits) {
        this.requests = new Semaphore(limits.maxConcurrentRequests());
        this.maxBodyBytes = limits.maxBodyBytesInFlight();
        this.longLivedPaths = Set.copyOf(limits.longLivedPaths());
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    /** Body bytes reserved by requests in progress now. */
    public long bodyBytesInFlight() {
        return bodyBytes.get();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (longLivedPaths.contains(path) || path.startsWith(ACTUATOR)) {
            return chain.filter(exchange);
        }
        if (!requests.tryAcquire()) {
            return busy(exchange, "too many requests in progress; retry shortly");
        }
        Reservation reservation = new Reservation();
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > 0 && !reservation.reserve(declared)) {
            reservation.release();
            return busy(exchange, "too many request-body bytes in progress; retry shortly");
        }
        ServerWebExchange guarded = declared >= 0 ? exchange
                : exchange.mutate().request(new CountedBody(exchange.getRequest(), reservation)).build();
        return chain.filter(guarded).doFinally(signal -> reservation.release());
    }

    private static Mono<Void> busy(ServerWebExchange exchange, String detail) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
        response.getHeaders().set("Retry-After", "1");
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        String instance = exchange.getRequest().getPath().pathWithinApplication().value();
        byte[] body = JSON.writeValueAsBytes(ProblemVocabulary.document(503, BUSY, detail, instance, Map.of()));
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }

    /** One request's share of the permits and body bytes, given back once when it ends. */
    private final class Reservation {
        private final AtomicLong reserved = new AtomicLong();
        private final AtomicBoolean released = new AtomicBoolean();

        boolean reserve(long bytes) {
            if (released.get()) {
                return true;  // the request has ended: late bytes are not held by it
            }
            long total = bodyBytes.addAndGet(bytes);
            if (total > maxBodyBytes) {
                bodyBytes.addAndGet(-bytes);
                return false;
            }
            reserved.addAndGet(bytes);
            return true;
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                bodyBytes.addAndGet(-reserved.getAndSet(0));
                requests.release();
            }
        }
    }

    /** A chunked body that reserves its bytes as they arrive; past the cap it fails with 503. */
    private static final class CountedBody extends ServerHttpRequestDecorator {
        private final Reservation reservation;

        CountedBody(ServerHttpRequest request, Reservation reservation) {
            super(request);
            this.reservation = reservation;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            return super.getBody().doOnNext(buffer -> {
                if (!reservation.reserve(buffer.readableByteCount())) {
                    throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                            "too many request-body bytes in progress; retry shortly");
                }
            });
        }
    }
}
