package io.numicoin.node.api.stream;

import io.numicoin.node.bus.ChainEventBus;
import io.numicoin.node.bus.NodeEvent;
import io.numicoin.node.api.error.ApiException;
import io.numicoin.node.api.error.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/** {@code GET /api/v1/stream}: Server-Sent Events of blocks connected/disconnected and transactions seen. */
@RestController
@Tag(name = "stream")
public class StreamController {

    private static final Set<String> KINDS = Set.of("blocks", "transactions");
    private static final Set<String> ALL = Set.of("blocks", "transactions", "reset");

    private final ChainEventBus bus;
    private final Duration heartbeat;

    public StreamController(ChainEventBus bus, StreamProperties properties) {
        this.bus = bus;
        this.heartbeat = properties.heartbeat();
    }

    @Operation(summary = "Live events",
            description = "Server-Sent Events: `block-connected`, `block-disconnected` (after commit) and `tx-seen`. "
                    + "Each event's data is JSON {seq, type, id, height}; a comment line is sent on connect and "
                    + "every heartbeat interval. A client that reads too slowly loses its oldest events. A client "
                    + "reconnecting with Last-Event-ID gets the events it missed, or a `reset` event when they are no "
                    + "longer kept. 503 TOO_MANY_SUBSCRIBERS when the node serves its maximum of streams.")
    @GetMapping(path = "/api/v1/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<StreamEventView>> stream(
            @Parameter(description = "comma-separated: blocks, transactions (default both)")
            @RequestParam(name = "types", required = false) String types,
            @Parameter(description = "the seq of the last event the client read (SSE reconnection)")
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        Set<String> wanted = kinds(types);
        OptionalLong resumeAfter = lastEventId(lastEventId);
        Flux<ServerSentEvent<StreamEventView>> events = bus.resume(resumeAfter)
                .orElseThrow(() -> new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "TOO_MANY_SUBSCRIBERS",
                        "this node serves its maximum of live streams; retry later or use Kafka"))
                .filter(e -> wanted.contains(kind(e.event())))
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

    private static String kind(NodeEvent event) {
        return switch (event) {
            case NodeEvent.TxSeen tx -> "transactions";
            case NodeEvent.Reset reset -> "reset";
            case NodeEvent.BlockConnected c -> "blocks";
            case NodeEvent.BlockDisconnected d -> "blocks";
        };
    }

    private static OptionalLong lastEventId(String header) {
        if (header == null || header.isBlank()) {
            return OptionalLong.empty();
        }
        try {
            long id = Long.parseLong(header.strip());
            if (id < 0) {
                throw new NumberFormatException();
            }
            return OptionalLong.of(id);
        } catch (NumberFormatException e) {
            throw Problems.invalidParameter("Last-Event-ID must be an event's seq (a non-negative integer)");
        }
    }

    private static Set<String> kinds(String types) {
        if (types == null || types.isBlank()) {
            return ALL;
        }
        Set<String> wanted = new HashSet<>(Set.of(types.strip().split("\\s*,\\s*")));
        for (String kind : wanted) {
            if (!KINDS.contains(kind)) {
                throw Problems.invalidParameter("types may name blocks and transactions, not '" + kind + "'");
            }
        }
        wanted.add("reset");  // always told
        return wanted;
    }
}
