package io.numicoin.gateway.fast;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import io.numicoin.gateway.backend.BackendInstance;
import io.numicoin.gateway.backend.BackendPool;
import io.numicoin.gateway.backend.BackendUnavailableException;
import io.numicoin.gateway.backend.BackendUnavailableException.Reason;
import io.numicoin.gateway.client.Caller;
import io.numicoin.gateway.limit.Limits;
import io.numicoin.gateway.limit.Verdict;
import io.numicoin.gateway.route.PublicRoute;
import io.numicoin.gateway.web.GatewayProblemHandler;
import io.numicoin.gateway.web.RateLimitFilter;
import io.numicoin.gateway.web.RateLimitHeaders;
import io.numicoin.gateway.web.SecurityHeaders;
import io.numicoin.support.problem.ProblemAnswer;
import io.numicoin.support.problem.ProblemVocabulary;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One read taken by the fast path, from its token to the last byte of its answer, on its
 * connection's event loop: a token from the caller's bucket (refused: 429 with {@code Retry-After});
 * then the backend call guarded as {@code BackendCallFilter} guards a routed one: an instance in
 * rotation, its bulkhead, its circuit breaker and its time limiter up to the answer's headers, a
 * failure before any byte of the answer went out tried again (on the next instance) up to the read
 * attempts unless the bulkhead was full, every failure a 503 problem naming the backend; the
 * backend's answer streamed back without hop-by-hop headers, with the rate-limit and security
 * headers; one access-log line and timing at the end.
 */
final class ProxiedRead {

    private static final Logger log = LoggerFactory.getLogger(ProxiedRead.class);

    private final FastReads reads;
    private final ChannelHandlerContext client;
    private final FastReadHandler connection;
    private final HttpRequest request;
    private final PublicRoute route;
    private final BackendPool pool;
    private final Caller caller;
    private final long startNanos = System.nanoTime();
    /** The rate-limit headers, on every answer. */
    private final HttpHeaders limitHeaders = new DefaultHttpHeaders();
    private int attemptsLeft;
    /** The current attempt's number: callbacks of an earlier attempt are ignored. */
    private int attempt;
    /** The instance of the attempt holding its bulkhead and circuit-breaker permissions, if one does. */
    private BackendInstance instance;
    private long callStart;
    private Channel backend;
    private boolean backendKeepAlive;
    private ScheduledFuture<?> deadline;
    private boolean committed;
    private int status = 200;
    private boolean over;

    ProxiedRead(FastReads reads, ChannelHandlerContext client, FastReadHandler connection, HttpRequest request,
            PublicRoute route, BackendPool pool, Caller caller) {
        this.reads = reads;
        this.client = client;
        this.connection = connection;
        this.request = request;
        this.route = route;
        this.pool = pool;
        this.caller = caller;
    }

    void start() {
        Limits.Bucket bucket = caller.limits().bucket(route.cost());
        reads.buckets().take(RateLimitFilter.bucketKey(caller, route), bucket).subscribe(
                verdict -> onLoop(() -> limited(bucket, verdict)),
                error -> onLoop(() -> {
                    log.warn("the token buckets failed", error);
                    answerProblem(ProblemAnswer.of(500, ProblemVocabulary.INTERNAL, ProblemVocabulary.INTERNAL_DETAIL));
                }));
    }

    private void limited(Limits.Bucket bucket, Verdict verdict) {
        if (over) {
            return;
        }
        RateLimitHeaders.apply(bucket, verdict, limitHeaders::set);
        if (!verdict.allowed()) {
            limitHeaders.set(RateLimitHeaders.RETRY_AFTER, Long.toString(RateLimitHeaders.retryAfterSeconds(verdict)));
            answerProblem(RateLimitHeaders.refusal(route, verdict));
            return;
        }
        attemptsLeft = reads.readAttempts();
        attempt();
    }

    private void attempt() {
        attemptsLeft--;
        int number = ++attempt;
        BackendInstance picked = pool.pick().orElse(null);
        if (picked == null) {
            failed(unavailable(Reason.UNAVAILABLE, "no " + backendName() + " instance is in rotation", null));
            return;
        }
        if (!picked.bulkhead().tryAcquirePermission()) {
            failed(unavailable(Reason.BUSY, picked.name() + " has too many calls in flight", null));
            return;
        }
        if (!picked.breaker().tryAcquirePermission()) {
            picked.bulkhead().onComplete();
            failed(unavailable(Reason.UNAVAILABLE, picked.name() + "'s circuit is open", null));
            return;
        }
        instance = picked;
        callStart = picked.breaker().getCurrentTimestamp();
        deadline = client.executor().schedule(() -> {
            if (number == attempt && instance != null && !committed) {
                callFailed(new TimeoutException(picked.name() + " did not answer in time"));
            }
        }, picked.timeLimiter().getTimeLimiterConfig().getTimeoutDuration().toNanos(), TimeUnit.NANOSECONDS);
        ChannelFuture connecting = reads.channels().acquire(client.channel(), picked);
        if (connecting.isDone()) {
            connected(number, connecting);
        } else {
            connecting.addListener(done -> connected(number, connecting));
        }
    }

    private void connected(int number, ChannelFuture connecting) {
        if (number != attempt || over || instance == null) {
            connecting.channel().close();
            return;
        }
        if (!connecting.isSuccess()) {
            callFailed(connecting.cause());
            return;
        }
        backend = connecting.channel();
        BackendResponseHandler.of(backend).attach(this);
        backend.config().setAutoRead(true);
        backend.writeAndFlush(forwarded(instance)).addListener(written -> {
            if (!written.isSuccess() && number == attempt && instance != null && !committed) {
                callFailed(written.cause());
            }
        });
    }

    /** What the backend sent on this read's connection. */
    void fromBackend(HttpObject message) {
        if (message instanceof HttpResponse response) {
            answerHead(response);
        }
        if (message instanceof HttpContent content) {
            if (!committed) {
                content.release();
            } else if (content instanceof LastHttpContent) {
                client.writeAndFlush(content);
                succeeded();
            } else {
                client.write(content);
                if (!client.channel().isWritable()) {
                    client.flush();
                    backend.config().setAutoRead(false);
                }
            }
        }
    }

    private void answerHead(HttpResponse response) {
        deadline.cancel(false);
        committed = true;
        status = response.status().code();
        backendKeepAlive = HttpUtil.isKeepAlive(response);
        HttpHeaders headers = response.headers();
        Headers.removeHopByHop(headers);
        headers.remove(SecurityHeaders.SERVER);
        if (!HttpUtil.isContentLengthSet(response) && !HttpUtil.isTransferEncodingChunked(response) && status != 204 && status != 304) {
            HttpUtil.setTransferEncodingChunked(response, true);
        }
        response.setProtocolVersion(HttpVersion.HTTP_1_1);
        reads.decorate(headers, limitHeaders);
        client.write(response);
    }

    /** The client's connection can take more: read on from the backend. */
    void clientWritable() {
        if (backend != null) {
            backend.config().setAutoRead(true);
        }
    }

    /** The backend's connection failed or closed. */
    void backendFailed(Throwable cause) {
        if (over || instance == null) {
            return;
        }
        if (!committed) {
            callFailed(cause);
            return;
        }
        // part of the answer went out: nothing to mend, the client's answer is cut off
        BackendInstance failedOn = release();
        failedOn.breaker().onError(failedOn.breaker().getCurrentTimestamp() - callStart, failedOn.breaker().getTimestampUnit(), cause);
        failedOn.bulkhead().onComplete();
        client.close();
        finish();
    }

    /** The client went away: the backend call is given up, its permissions handed back. */
    void abandon() {
        if (over) {
            return;
        }
        if (deadline != null) {
            deadline.cancel(false);
        }
        if (instance != null) {
            BackendInstance held = release();
            held.breaker().releasePermission();
            held.bulkhead().onComplete();
        }
        finish();
    }

    private void succeeded() {
        BackendInstance done = instance;
        Channel channel = backend;
        BackendResponseHandler.of(channel).detach();
        instance = null;
        backend = null;
        done.breaker().onSuccess(done.breaker().getCurrentTimestamp() - callStart, done.breaker().getTimestampUnit());
        done.bulkhead().onComplete();
        if (backendKeepAlive) {
            reads.channels().release(done, channel);
        } else {
            channel.close();
        }
        finish();
    }

    private void callFailed(Throwable cause) {
        deadline.cancel(false);
        BackendInstance failedOn = release();
        failedOn.breaker().onError(failedOn.breaker().getCurrentTimestamp() - callStart, failedOn.breaker().getTimestampUnit(), cause);
        failedOn.bulkhead().onComplete();
        failed(translate(failedOn, cause));
    }

    /** Lets go of the attempt's instance and closes its connection (not reusable after a failure). */
    private BackendInstance release() {
        BackendInstance held = instance;
        instance = null;
        if (backend != null) {
            BackendResponseHandler.of(backend).detach();
            backend.close();
            backend = null;
        }
        return held;
    }

    private void failed(BackendUnavailableException e) {
        if (e.reason() != Reason.BUSY && attemptsLeft > 0) {
            attempt();
            return;
        }
        answerProblem(GatewayProblemHandler.unavailable(e));
    }

    private void answerProblem(ProblemAnswer answer) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(answer.status()),
                Unpooled.wrappedBuffer(reads.problemBody(answer, path())));
        HttpHeaders headers = response.headers();
        headers.set(HttpHeaderNames.CONTENT_TYPE, ProblemVocabulary.MEDIA_TYPE);
        headers.setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        reads.decorate(headers, limitHeaders);
        status = answer.status();
        committed = true;
        client.writeAndFlush(response);
        finish();
    }

    private void finish() {
        over = true;
        reads.record(route.id(), status, caller.label(), caller.address().getHostAddress(), HttpMethod.GET.name(), path(),
                System.nanoTime() - startNanos);
        connection.answered(client, this);
    }

    /** The request as the backend gets it: the client's headers but the hop-by-hop ones and the credentials. */
    private HttpRequest forwarded(BackendInstance to) {
        DefaultFullHttpRequest out = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, request.uri(), Unpooled.EMPTY_BUFFER);
        Headers.copyForwardable(request.headers(), out.headers());
        out.headers().set(HttpHeaderNames.HOST, Headers.authority(to.uri()));
        return out;
    }

    private String path() {
        String uri = request.uri();
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }

    private BackendUnavailableException translate(BackendInstance on, Throwable e) {
        return switch (e) {
            case TimeoutException t -> unavailable(Reason.TIMEOUT, on.name() + " did not answer in time", e);
            case IOException io -> unavailable(Reason.UNAVAILABLE, on.name() + " is unreachable: " + io.getClass().getSimpleName(), e);
            default -> e.getCause() instanceof IOException io
                    ? unavailable(Reason.UNAVAILABLE, on.name() + " is unreachable: " + io.getClass().getSimpleName(), e)
                    : unavailable(Reason.UNAVAILABLE, on.name() + " failed", e);
        };
    }

    private BackendUnavailableException unavailable(Reason reason, String message, Throwable cause) {
        return new BackendUnavailableException(pool.backend(), reason, message, cause);
    }

    private String backendName() {
        return pool.backend().name().toLowerCase(Locale.ROOT);
    }

    private void onLoop(Runnable next) {
        if (client.executor().inEventLoop()) {
            next.run();
        } else {
            client.executor().execute(next);
        }
    }
}
