package io.numicoin.gateway.web;

import io.netty.channel.EventLoop;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;

/**
 * Brings a request's processing back to the Netty event loop it arrived on. The shared token
 * buckets answer on Lettuce's single event-loop thread; without this the rest of every request
 * (routing, the backend call, the answer) would run on that one thread, and the gateway would use
 * one core whatever the machine has.
 */
final class EventLoops {

    private static final Map<EventLoop, Scheduler> SCHEDULERS = new ConcurrentHashMap<>();

    private EventLoops() {
    }

    /** {@code next}, made and subscribed on the request's own event loop unless it is already running there. */
    static <T> Mono<T> continueOn(ServerWebExchange exchange, Supplier<Mono<T>> next) {
        EventLoop loop = loop(exchange);
        if (loop == null || loop.inEventLoop()) {
            return next.get();
        }
        return Mono.defer(next).subscribeOn(SCHEDULERS.computeIfAbsent(loop, Schedulers::fromExecutor));
    }

    private static EventLoop loop(ServerWebExchange exchange) {
        Object request = ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
        return request instanceof Connection connection ? connection.channel().eventLoop() : null;
    }
}
