package io.numicoin.node.api;

import io.numicoin.node.api.dto.PeerView;
import io.numicoin.node.query.BlockingReads;
import io.numicoin.node.query.PeerQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /api/v1/peers}: the node's address book. */
@RestController
@Tag(name = "peers")
public class PeerController {

    public static final int MAX_PEERS = 1_000;

    private final PeerQueries queries;
    private final BlockingReads reads;
    private final ApiViews views;

    public PeerController(PeerQueries queries, BlockingReads reads, ApiViews views) {
        this.queries = queries;
        this.reads = reads;
        this.views = views;
    }

    @Operation(summary = "Known peers", description = "Most recently successful first.")
    @GetMapping("/api/v1/peers")
    public Mono<List<PeerView>> peers(
            @Parameter(description = "1.." + MAX_PEERS) @RequestParam(name = "limit", defaultValue = "100") int limit) {
        ApiParams.between("limit", limit, 1, MAX_PEERS);
        return reads.read(() -> queries.peers(limit).stream().map(views::peer).toList());
    }
}
