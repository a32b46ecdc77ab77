package io.numicoin.node.query;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Runs blocking database reads off the event loop: on a bounded scheduler, retried with
 * exponential backoff while the database is transiently unreachable (a lost connection, a pool
 * timeout, a serialization failure), and cut off after an overall timeout so no request hangs.
 * A read that finds nothing returns {@code null}, which becomes an empty {@link Mono}.
 */
public final class BlockingReads {

    private final Scheduler scheduler;
    private final Retry retry;
    private final Duration timeout;

    public BlockingReads(Scheduler scheduler, QueryProperties properties) {
        this.scheduler = scheduler;
        this.timeout = properties.timeout();
        this.retry = Retry.of("db-read", RetryConfig.custom()
                .maxAttempts(properties.attempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(properties.backoff(), 2.0))
                .retryOnException(BlockingReads::isTransient)
                .build());
    }

    public <T> Mono<T> read(Callable<T> query) {
        return Mono.fromCallable(query)
                .subscribeOn(scheduler)
                .transformDeferred(RetryOperator.of(retry))
                .timeout(timeout);
    }

    /** Stops the read threads (the context calls this on shutdown). */
    public void dispose() {
        scheduler.dispose();
    }

    /** The retry policy, for metrics and tests. */
    public Retry retry() {
        return retry;
    }

    static boolean isTransient(Throwable error) {
        return error instanceof TransientDataAccessException
                || error instanceof DataAccessResourceFailureException
                || error instanceof CannotGetJdbcConnectionException
                || error instanceof SQLTransientException;
    }
}
