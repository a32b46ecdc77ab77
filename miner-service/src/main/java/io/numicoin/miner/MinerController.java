package io.numicoin.miner;

import io.numicoin.miner.mining.MiningEngine;
import io.numicoin.miner.status.MinerMetrics;
import io.numicoin.miner.status.MinerStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/miner}: what the miner is doing, its hash rate and block counts. */
@RestController
class MinerController {

    private final MinerStatus status;
    private final MinerMetrics metrics;
    private final MiningEngine engine;

    MinerController(MinerStatus status, MinerMetrics metrics, MiningEngine engine) {
        this.status = status;
        this.metrics = metrics;
        this.engine = engine;
    }

    @GetMapping("/api/v1/miner")
    Map<String, Object> miner() {
        Map<String, Object> view = new LinkedHashMap<>(status.snapshot().details());
        view.put("threads", engine.ranges().size());
        view.put("hashrate", metrics.hashrate());
        view.put("hashes", engine.hashCount());
        view.put("blocksFound", (long) metrics.foundCount());
        view.put("blocksStale", (long) metrics.staleCount());
        return view;
    }
}
