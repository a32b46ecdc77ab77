package io.numicoin.explorer.web;

import io.numicoin.explorer.api.ExplorerQueries;
import io.numicoin.explorer.api.ExplorerViews.TxView;
import io.numicoin.explorer.web.live.LiveFeed;
import io.numicoin.explorer.web.live.LiveStreams;
import io.numicoin.explorer.web.live.LiveUpdate;
import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.address.AddressHrp;
import io.numicoin.protocol.hash.Hash256;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /live}: Server-Sent Events for the pages' scripts (docs/explorer.md#live-push).
 * Events {@code block} (the new tip block) and {@code mempool} (totals and the newest pending
 * transactions), each a whole state, first the current ones and then on every change; with
 * {@code ?tx=TXID} also {@code tx} (that transaction's status and confirmations), with
 * {@code ?address=ADDR} also {@code address} (its balance, counts and pending), each sent when it
 * changed. A comment line every {@code numi.web.heartbeat}. Streams are capped in all (503) and
 * per client address (429).
 */
@RestController
public class LiveController {

    public static final String PATH = "/live";

    private final LiveFeed feed;
    private final LiveStreams streams;
    private final ExplorerQueries queries;
    private final AddressHrp hrp;
    private final Duration heartbeat;

    public LiveController(LiveFeed feed, LiveStreams streams, ExplorerQueries queries, AddressHrp hrp,
            WebProperties properties) {
        this.feed = feed;
        this.streams = streams;
        this.queries = queries;
        this.hrp = hrp;
        this.heartbeat = properties.heartbeat();
    }

    /** A watched transaction's place: found, confirmed (active block), pending, its block and confirmations. */
    public record TxWatch(String txid, boolean found, boolean confirmed, boolean inMempool, Long blockHeight,
            String blockId, long confirmations) {
    }

    @GetMapping(path = PATH, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<Object>> live(@RequestParam(name = "tx", required = false) String tx,
            @RequestParam(name = "address", required = false) String address, ServerWebExchange exchange) {
        Hash256 txid = tx == null ? null : PageInput.hash("tx", tx);
        Address watched = address == null ? null : PageInput.address(address, hrp);
        String client = client(exchange);
        return Flux.using(() -> ticket(client), ticket -> stream(txid, watched), LiveStreams.Ticket::close);
    }

    private LiveStreams.Ticket ticket(String client) {
        LiveStreams.Result result = streams.open(client);
        return result.ticket().orElseThrow(() -> result.refusal() == LiveStreams.Refusal.FULL
                ? new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "the explorer serves its maximum of live streams")
                : new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS, "this client holds its maximum of live streams"));
    }

    private Flux<ServerSentEvent<Object>> stream(Hash256 txid, Address watched) {
        Flux<ServerSentEvent<Object>> updates;
        if (txid == null && watched == null) {
            updates = feed.updates().map(u -> event(u.event(), u));
        } else {
            AtomicReference<Object> lastTx = new AtomicReference<>();
            AtomicReference<Object> lastAddress = new AtomicReference<>();
            updates = feed.updates().concatMap(u -> Mono.fromCallable(() -> {
                List<ServerSentEvent<Object>> out = new ArrayList<>(3);
                out.add(event(u.event(), u));
                if (txid != null) {
                    changed(lastTx, watch(txid)).ifPresent(w -> out.add(event("tx", w)));
                }
                if (watched != null) {
                    changed(lastAddress, queries.address(watched)).ifPresent(a -> out.add(event("address", a)));
                }
                return out;
            }).subscribeOn(Schedulers.boundedElastic()).flatMapIterable(list -> list), 1);
        }
        Flux<ServerSentEvent<Object>> keepAlive = Flux.interval(heartbeat).onBackpressureDrop()
                .map(tick -> ServerSentEvent.builder().comment("keep-alive").build());
        return Flux.merge(Flux.just(ServerSentEvent.builder().comment("connected").build()), updates, keepAlive);
    }

    private TxWatch watch(Hash256 txid) {
        return queries.transaction(txid).map(LiveController::watch)
                .orElse(new TxWatch(txid.toHex(), false, false, false, null, null, 0));
    }

    private static TxWatch watch(TxView tx) {
        return new TxWatch(tx.txid(), true, tx.status().confirmed(), tx.status().inMempool(),
                tx.status().blockHeight(), tx.status().blockId(), tx.status().confirmations());
    }

    private static java.util.Optional<Object> changed(AtomicReference<Object> last, Object now) {
        return Objects.equals(last.getAndSet(now), now) ? java.util.Optional.empty() : java.util.Optional.of(now);
    }

    private static ServerSentEvent<Object> event(String name, Object data) {
        Object payload = data instanceof LiveUpdate.Tip tip ? tip.block() : data;
        return ServerSentEvent.builder(payload).event(name).build();
    }

    private static String client(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
