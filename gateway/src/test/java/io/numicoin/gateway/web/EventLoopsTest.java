package io.numicoin.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A request whose processing was carried off to another thread (as Lettuce's event loop carries it
 * after a Redis answer) continues on the very Netty event loop it arrived on; a request already on
 * it is not rescheduled. A real Reactor Netty server, a real HTTP client.
 */
class EventLoopsTest {

    @Test
    void theRestOfARequestRunsOnTheEventLoopItArrivedOn() throws Exception {
        AtomicReference<Thread> arrived = new AtomicReference<>();
        AtomicReference<Thread> away = new AtomicReference<>();
        AtomicReference<Thread> continued = new AtomicReference<>();
        AtomicReference<Thread> stayed = new AtomicReference<>();
        Scheduler elsewhere = Schedulers.newSingle("elsewhere");
        HttpHandler handler = WebHttpHandlerBuilder.webHandler(exchange -> {
            arrived.set(Thread.currentThread());
            Mono<Void> answer = Mono.defer(() -> {
                continued.set(Thread.currentThread());
                byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
                return exchange.getResponse().writeWith(Mono.just(exchange.getResponse().bufferFactory().wrap(body)));
            });
            return EventLoops.continueOn(exchange, () -> {
                stayed.set(Thread.currentThread());
                return Mono.<Void>empty();
            }).then(Mono.fromCallable(() -> {
                away.set(Thread.currentThread());
                return 1;
            }).subscribeOn(elsewhere)).flatMap(x -> EventLoops.continueOn(exchange, () -> answer));
        }).build();
        DisposableServer server = HttpServer.create().host("127.0.0.1").port(0).handle(new ReactorHttpHandlerAdapter(handler)).bindNow();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.body()).isEqualTo("ok");
        } finally {
            server.disposeNow();
            elsewhere.dispose();
        }
        assertThat(away.get().getName()).startsWith("elsewhere");
        assertThat(arrived.get().getName()).startsWith("reactor-http");
        assertThat(stayed.get()).as("already on the event loop: run in place").isSameAs(arrived.get());
        assertThat(continued.get()).as("carried off, then brought back").isSameAs(arrived.get());
    }
}
