package io.numicoin.node.api;

import io.numicoin.node.api.body.BoundedBodyReader;
import io.numicoin.node.api.dto.BlockAccepted;
import io.numicoin.node.api.dto.BlockPage;
import io.numicoin.node.api.dto.BlockView;
import io.numicoin.node.api.dto.HeadersView;
import io.numicoin.node.api.dto.HexBody;
import io.numicoin.node.api.error.Problems;
import io.numicoin.node.api.submit.BlockSubmitter;
import io.numicoin.node.query.BlockRef;
import io.numicoin.node.query.BlockingReads;
import io.numicoin.node.query.ChainQueries;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.chain.BlockStatus;
import io.numicoin.protocol.tx.ProtocolLimits;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Blocks and headers: by id, by height, ranges of the active chain, and submitting a mined block. */
@RestController
@Tag(name = "blocks")
public class BlockController {

    /** The most blocks one range request returns. */
    public static final int MAX_RANGE = 100;
    /** The range returned when neither end is given: the newest blocks. */
    public static final int DEFAULT_RANGE = 20;
    /** The most headers one request returns. */
    public static final int MAX_HEADERS = 2_000;

    private final ChainQueries queries;
    private final BlockingReads reads;
    private final ApiViews views;
    private final BoundedBodyReader bodies;
    private final BlockSubmitter submitter;

    public BlockController(ChainQueries queries, BlockingReads reads, ApiViews views, BoundedBodyReader bodies,
            BlockSubmitter submitter) {
        this.queries = queries;
        this.reads = reads;
        this.views = views;
        this.bodies = bodies;
        this.submitter = submitter;
    }

    @Operation(summary = "A block by id (any branch)")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = BlockView.class)),
            @Content(mediaType = "text/plain", schema = @Schema(type = "string", description = "the encoded block, hex"))})
    @ApiResponse(responseCode = "410", description = "BODY_NOT_STORED: format=hex for a block at or below this node's snapshot base")
    @GetMapping("/api/v1/blocks/{id}")
    public Mono<ResponseEntity<Object>> byId(@PathVariable("id") String id,
            @Parameter(description = "json (default) or hex: the encoded block")
            @RequestParam(name = "format", defaultValue = "json") String format) {
        return block(new BlockRef.ById(ApiParams.hash("block id", id)), format);
    }

    @Operation(summary = "The active chain's block at a height")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = BlockView.class)),
            @Content(mediaType = "text/plain", schema = @Schema(type = "string", description = "the encoded block, hex"))})
    @ApiResponse(responseCode = "410", description = "BODY_NOT_STORED: format=hex for a block at or below this node's snapshot base")
    @GetMapping("/api/v1/blocks/height/{height}")
    public Mono<ResponseEntity<Object>> byHeight(@PathVariable("height") long height,
            @Parameter(description = "json (default) or hex: the encoded block")
            @RequestParam(name = "format", defaultValue = "json") String format) {
        return block(new BlockRef.AtHeight(ApiParams.nonNegative("height", height)), format);
    }

    @Operation(summary = "A range of the active chain",
            description = "Blocks at heights from..to inclusive, ascending, at most " + MAX_RANGE
                    + ". Without from/to: the newest " + DEFAULT_RANGE + ". Heights above the tip are left out.")
    @GetMapping("/api/v1/blocks")
    public Mono<BlockPage> range(@RequestParam(name = "from", required = false) Long from,
            @RequestParam(name = "to", required = false) Long to) {
        if (from != null) {
            ApiParams.nonNegative("from", from);
        }
        if (to != null) {
            ApiParams.nonNegative("to", to);
        }
        if (from != null && to != null && from > to) {
            throw Problems.invalidParameter("from (" + from + ") is above to (" + to + ")");
        }
        if (from != null && to != null && to - from >= MAX_RANGE) {
            throw Problems.rangeTooLarge("at most " + MAX_RANGE + " blocks per request, asked for " + (to - from + 1));
        }
        return reads.read(() -> {
            long tip = queries.tipHeight().orElse(-1L);
            long end = to != null ? Math.min(to, tip) : from != null ? Math.min(from + MAX_RANGE - 1, tip) : tip;
            long start = from != null ? from : Math.max(0, end - DEFAULT_RANGE + 1);
            List<BlockView> blocks = start > end ? List.of()
                    : queries.mainChainRange(start, end).stream().map(b -> views.block(b, false)).toList();
            return new BlockPage(start, end, blocks);
        });
    }

    @Operation(summary = "Encoded headers of the active chain",
            description = "Up to count (at most " + MAX_HEADERS + ") 128-byte headers from height from, ascending, hex.")
    @GetMapping("/api/v1/headers")
    public Mono<HeadersView> headers(@RequestParam(name = "from") long from,
            @RequestParam(name = "count", defaultValue = "2000") int count) {
        ApiParams.nonNegative("from", from);
        if (count > MAX_HEADERS) {
            throw Problems.rangeTooLarge("at most " + MAX_HEADERS + " headers per request, asked for " + count);
        }
        ApiParams.between("count", count, 1, MAX_HEADERS);
        return reads.read(() -> {
            List<String> headers = queries.headers(from, count).stream().map(Bytes::toHex).toList();
            return new HeadersView(from, headers.size(), headers);
        });
    }

    @Operation(summary = "Submit a mined block",
            description = "The encoded block as JSON {\"hex\": ...} or as application/octet-stream bytes (at most 2 MiB). "
                    + "200 with the import outcome (CONNECTED, SIDE_BRANCH, ORPHANED, ALREADY_KNOWN); "
                    + "422 problem+json naming the BlockRejectReason if it breaks a consensus rule.")
    @RequestBody(content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = HexBody.class)),
            @Content(mediaType = "application/octet-stream", schema = @Schema(type = "string", format = "binary"))})
    @PostMapping(path = "/api/v1/blocks", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<BlockAccepted> submit(ServerHttpRequest request) {
        return bodies.read(request, "block", ProtocolLimits.MAX_BLOCK_BYTES)
                .flatMap(submitter::submit)
                .map(submitted -> new BlockAccepted(submitted.id(), submitted.block().height(),
                        submitted.result().outcome().name(), submitted.result().reorgDepth(),
                        submitted.result().changes().stream()
                                .map(c -> new BlockAccepted.ChainChangeView(c.kind().name(), c.id().toHex(), c.height()))
                                .toList()));
    }

    private Mono<ResponseEntity<Object>> block(BlockRef ref, String format) {
        return switch (format) {
            case "json" -> reads.read(() -> queries.block(ref).orElse(null))
                    .<ResponseEntity<Object>>map(b -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                            .body(views.block(b, true)))
                    .switchIfEmpty(Mono.error(() -> Problems.notFound(Problems.BLOCK_NOT_FOUND, "no block " + ref)));
            case "hex" -> reads.read(() -> queries.rawBlock(ref).orElseGet(() -> {
                        queries.block(ref).filter(b -> b.status() == BlockStatus.FROM_SNAPSHOT).ifPresent(b -> {
                            throw Problems.bodyNotStored("block " + b.id() + " at height " + b.header().height()
                                    + " is at or below this node's snapshot base: its state was loaded from a snapshot"
                                    + " and its body is not stored; ask a node that synced from genesis");
                        });
                        return null;
                    }))
                    .<ResponseEntity<Object>>map(raw -> ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(raw.toHex()))
                    .switchIfEmpty(Mono.error(() -> Problems.notFound(Problems.BLOCK_NOT_FOUND, "no stored block " + ref)));
            default -> Mono.error(Problems.invalidParameter("format must be json or hex, got '" + format + "'"));
        };
    }
}
