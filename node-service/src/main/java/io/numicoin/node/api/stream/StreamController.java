package io.numicoin.node.api.stream;

import io.numicoin.node.api.error.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/** {@code GET /api/v1/stream}: Server-Sent Events of blocks connected/disconnected and transactions seen. */
@RestController
@Tag(name = "stream")
public class StreamController {

    private static final Set<String> KINDS = Set.of("blocks", "transactions");

    private final ChainEventBus bus;
    private final Duration heartbeat;

    public StreamController(ChainEventBus bus, StreamProperties properties) {
        this.bus = bus;
        this.heartbeat = properties.heartbeat();
    }

    @Operation(summary = "Live events",
            description = "Server-Sent Events: `block-connected`, `block-disconnected` (after commit) and `tx-seen`. "
                    + "Each event's data is JSON {seq, type, id, height}; a comment line is sent on connect and "
                    + "every heartbeat interval. A client that reads too slowly loses its oldest events.")
    @GetMapping(path = "/api/v1/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<StreamEventView>> stream(
            @Parameter(description = "comma-separated: blocks, transactions (default both)")
            @RequestParam(name = "types", required = false) String types) {
        Set<String> wanted = kinds(types);
        Flux<ServerSentEvent<StreamEventView>> events = bus.events()
                .filter(e -> wanted.contains(e.event() instanceof NodeEvent.TxSeen ? "transactions" : "blocks"))
                .map(e -> ServerSentEvent.builder(StreamEventView.of(e))
                        .id(Long.toString(e.seq()))
                        .event(e.event().type())
                        .build());
        Flux<ServerSentEvent<StreamEventView>> keepAlive = Flux.interval(heartbeat)
                .onBackpressureDrop()
                .map(tick -> ServerSentEvent.<StreamEventView>builder().comment("keep-alive").build());
        // The bus is subscribed first, so a client that has read the "connected" comment misses nothing after it.
        return Flux.merge(events,
                Flux.just(ServerSentEvent.<StreamEventView>builder().comment("connected").build()),
                keepAlive);
    }

    private static Set<String> kinds(String types) {
        if (types == null || types.isBlank()) {
            return KINDS;
        }
        Set<String> wanted = Set.of(types.strip().split("\\s*,\\s*"));
        for (String kind : wanted) {
            if (!KINDS.contains(kind)) {
                throw Problems.invalidParameter("types may name blocks and transactions, not '" + kind + "'");
            }
        }
        return wanted;
    }
}
