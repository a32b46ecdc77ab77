package io.numicoin.node.api;

import io.numicoin.node.api.dto.ChainView;
import io.numicoin.node.chain.ChainService;
import io.numicoin.node.query.BlockingReads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /api/v1/chain}: the active chain's tip, work, next target and sync state. */
@RestController
@Tag(name = "chain")
public class ChainController {

    private final ChainService chain;
    private final BlockingReads reads;
    private final ApiViews views;
    private final Clock clock;

    public ChainController(ChainService chain, BlockingReads reads, ApiViews views, ObjectProvider<Clock> clock) {
        this.chain = chain;
        this.reads = reads;
        this.views = views;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Operation(summary = "The active chain",
            description = "Tip id, height, cumulative work, the next block's target (compact, full, difficulty), "
                    + "tip time and age, sync state.")
    @GetMapping("/api/v1/chain")
    public Mono<ChainView> chain() {
        return reads.read(chain::status).map(status -> views.chain(status, clock.instant().getEpochSecond()));
    }
}
