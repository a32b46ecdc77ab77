package io.numicoin.pool.api;

import io.numicoin.pool.ledger.LedgerQueries;
import io.numicoin.pool.ledger.LedgerViews;
import io.numicoin.pool.stats.PoolStatistics;
import io.numicoin.pool.stratum.StratumServer;
import io.numicoin.pool.stratum.WorkerName;
import io.numicoin.pool.work.JobBook;
import io.numicoin.protocol.params.NetworkParams;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The pool's JSON API (docs/pool.md): statistics, found blocks, payouts, and each miner's ledger and shares. */
@RestController
@RequestMapping("/api/v1/pool")
class PoolController {

    private static final int MAX_LIMIT = 1_000;

    /** The pool at a glance. */
    record PoolSummary(PoolStatistics.PoolView shares, LedgerViews.Totals ledger, int connections, String jobId, long jobHeight) {
    }

    private final PoolStatistics stats;
    private final LedgerQueries ledger;
    private final StratumServer stratum;
    private final JobBook jobs;
    private final NetworkParams params;

    PoolController(PoolStatistics stats, LedgerQueries ledger, StratumServer stratum, JobBook jobs, NetworkParams params) {
        this.stats = stats;
        this.ledger = ledger;
        this.stratum = stratum;
        this.jobs = jobs;
        this.params = params;
    }

    @GetMapping
    Mono<PoolSummary> summary() {
        return blocking(() -> new PoolSummary(stats.pool(), ledger.totals(), stratum.connections(),
                jobs.current().map(j -> j.id()).orElse(""), jobs.current().map(j -> j.height()).orElse(-1L)));
    }

    @GetMapping("/workers")
    Collection<PoolStatistics.WorkerView> workers(@RequestParam(name = "address", required = false) String address) {
        return stats.workers(address == null ? null : address(address)).values();
    }

    @GetMapping("/blocks")
    Mono<List<LedgerViews.FoundBlockView>> blocks(@RequestParam(name = "limit", defaultValue = "50") int limit) {
        return blocking(() -> ledger.blocks(limit(limit)));
    }

    @GetMapping("/payouts")
    Mono<List<LedgerViews.PayoutView>> payouts(@RequestParam(name = "limit", defaultValue = "50") int limit) {
        return blocking(() -> ledger.payouts(null, limit(limit)));
    }

    /** A miner's credits per block (with each block's window) and payouts. */
    @GetMapping("/miners/{address}")
    Mono<LedgerViews.MinerLedger> miner(@PathVariable("address") String address,
            @RequestParam(name = "limit", defaultValue = "100") int limit) {
        String a = address(address);
        return blocking(() -> ledger.miner(a, limit(limit)));
    }

    /** A miner's shares with ids in [from, to] (a block's window, from its credit). */
    @GetMapping("/miners/{address}/shares")
    Mono<List<LedgerViews.ShareView>> shares(@PathVariable("address") String address, @RequestParam("from") long from,
            @RequestParam("to") long to, @RequestParam(name = "limit", defaultValue = "1000") int limit) {
        String a = address(address);
        return blocking(() -> ledger.shares(a, from, to, limit(limit)));
    }

    private String address(String text) {
        try {
            WorkerName name = WorkerName.parse(text, params.hrp());
            if (!name.worker().equals("default") || text.contains(".")) {
                throw new IllegalArgumentException("an address, without a worker name");
            }
            return name.address();
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "address: " + e.getMessage());
        }
    }

    private static int limit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit is 1.." + MAX_LIMIT);
        }
        return limit;
    }

    private static <T> Mono<T> blocking(Callable<T> call) {
        return Mono.fromCallable(call).subscribeOn(Schedulers.boundedElastic());
    }
}
