package io.numicoin.mempool.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.numicoin.events.MempoolEvent.RemovalReason;
import io.numicoin.mempool.pool.AddOutcome;
import io.numicoin.mempool.pool.AddResult;
import io.numicoin.mempool.pool.FeeEstimator;
import io.numicoin.mempool.pool.PoolRejectReason;
import io.numicoin.mempool.service.ChainFollower;
import io.numicoin.mempool.service.PoolService;
import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.address.AddressDecodeException;
import io.numicoin.protocol.address.AddressFormat;
import io.numicoin.protocol.address.AddressHrp;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.protocol.tx.ProtocolLimits;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The mempool API (docs/mempool-api.md): summary, transaction status, fee estimate, submit, block template. */
@RestController
public class MempoolController {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MempoolController.class);

    /** Transaction bytes of a block: 2 MiB less 4 KiB for the header, the count and the coinbase. */
    public static final long TEMPLATE_MAX_BYTES = ProtocolLimits.MAX_BLOCK_BYTES - 4096;
    /** Transfers of a block: 10,000 less the coinbase. */
    public static final int TEMPLATE_MAX_TRANSACTIONS = ProtocolLimits.MAX_BLOCK_TRANSACTIONS - 1;

    /** Runs each offer on a fresh virtual thread that nothing interrupts. */
    private static final Executor OFFERS = task -> Thread.ofVirtual().name("mempool-offer").start(task);

    /** The rule of a 404 for a transaction that left the pool recently; the problem says why. */
    public static final String REMOVED = "REMOVED";

    private final PoolService service;
    private final ChainFollower follower;
    private final FeeEstimator estimator;
    private final AddressHrp hrp;
    private final int chainId;
    private final CachedViews views;

    public MempoolController(PoolService service, ChainFollower follower, FeeEstimator estimator, NetworkParams params,
            MeterRegistry meters) {
        this.service = service;
        this.follower = follower;
        this.estimator = estimator;
        this.hrp = params.hrp();
        this.chainId = params.chainId();
        this.views = new CachedViews(service.pool(), hrp, chainId, meters);
    }

    /**
     * Reads of the pool wait for its lock (an offer or a block may hold it): they run on Reactor's
     * bounded elastic workers, never on a Netty event loop, which would stall every connection it serves.
     */
    private static <T> Mono<T> offLoop(Callable<T> read) {
        return Mono.fromCallable(read).subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping("/api/v1/mempool")
    public Mono<MempoolViews.Summary> summary() {
        return offLoop(views::summary);
    }

    @GetMapping("/api/v1/mempool/transactions/{txid}")
    public Mono<MempoolViews.TxStatus> transaction(@PathVariable("txid") String txid) {
        Hash256 id = parseTxid(txid);
        return offLoop(() -> service.pool().get(id).map(e -> MempoolViews.TxStatus.of(e, hrp))
                .orElseThrow(() -> notPending(id)));
    }

    /**
     * A 404 for a transaction not in the pool: {@code REMOVED} with {@code reason} and {@code tipHeight}
     * when it left recently (a block took it, or it was replaced, expired, evicted), else
     * {@code UNKNOWN_TRANSACTION}.
     */
    private ApiException notPending(Hash256 txid) {
        return service.departure(txid)
                .map(d -> new ApiException(HttpStatus.NOT_FOUND, REMOVED, "transaction " + txid.toHex()
                        + " is no longer pending: " + d.reason() + " at height " + d.tipHeight(),
                        Map.of("reason", d.reason().name(), "tipHeight", d.tipHeight(),
                                "removedAt", Instant.ofEpochMilli(d.atMillis()).toString())))
                .orElseGet(() -> new ApiException(HttpStatus.NOT_FOUND, "UNKNOWN_TRANSACTION",
                        "transaction " + txid.toHex() + " is not pending", Map.of()));
    }

    /** A sender's pending transactions and the nonce its next transaction should carry (wallets sending several in a row). */
    @GetMapping("/api/v1/mempool/accounts/{address}")
    public Mono<MempoolViews.SenderView> sender(@PathVariable("address") String address) {
        Address sender = parseAddress(address);
        return offLoop(() -> MempoolViews.SenderView.of(address, service.pool().pending(sender)));
    }

    @GetMapping("/api/v1/fees/estimate")
    public Mono<MempoolViews.Estimate> estimate(@RequestParam(name = "blocks", defaultValue = "3") int blocks) {
        if (blocks != 1 && blocks != 3 && blocks != 6) {
            throw ApiException.invalidParameter("blocks must be 1, 3 or 6, got " + blocks);
        }
        return offLoop(() -> estimator.estimate(blocks, service.pool()))
                .map(e -> new MempoolViews.Estimate(e.blocks(), e.feeRate(), e.basis().name()));
    }

    @PostMapping(path = "/api/v1/mempool/transactions", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<MempoolViews.Submitted> submitJson(@RequestBody MempoolViews.HexBody body) {
        if (body == null || body.hex() == null) {
            throw ApiException.invalidParameter("body must be {\"hex\": \"…\"}");
        }
        byte[] bytes;
        try {
            bytes = HexFormat.of().parseHex(body.hex().trim());
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, PoolRejectReason.MALFORMED.name(), "hex: " + e.getMessage(),
                    Map.of("outcome", AddOutcome.INVALID.name()));
        }
        return submit(bytes);
    }

    @PostMapping(path = "/api/v1/mempool/transactions", consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    public Mono<MempoolViews.Submitted> submitRaw(@RequestBody byte[] body) {
        return submit(body);
    }

    private Mono<MempoolViews.Submitted> submit(byte[] bytes) {
        if (bytes.length > ProtocolLimits.MAX_TRANSACTION_BYTES) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, PoolRejectReason.TOO_LARGE.name(),
                    bytes.length + " bytes, at most " + ProtocolLimits.MAX_TRANSACTION_BYTES, Map.of("outcome", "INVALID"));
        }
        // Its own virtual thread, not a Reactor worker: a client going away cancels the request, and a
        // cancelled worker is interrupted, which would close the pool store's database socket halfway
        // through recording the change (added in memory, neither stored nor announced).
        return Mono.fromFuture(() -> CompletableFuture.supplyAsync(() -> service.offer(bytes), OFFERS), true).map(this::answer);
    }

    private MempoolViews.Submitted answer(AddResult result) {
        if (result.outcome() == AddOutcome.INVALID) {
            boolean unavailable = result.reason() == PoolRejectReason.ACCOUNT_UNAVAILABLE;
            HttpStatus status = unavailable ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.UNPROCESSABLE_CONTENT;
            // a 5xx names no internals: the cause (the node's address, the exception) goes to the log
            String detail = unavailable ? "the sender's account could not be read from the node; try again" : result.detail();
            if (unavailable) {
                log.warn("account unavailable for {}: {}", result.txid(), result.detail());
            }
            throw new ApiException(status, result.reason().name(), detail,
                    Map.of("outcome", AddOutcome.INVALID.name(), "txid", result.txid().toHex()));
        }
        String replaced = result.removed().stream().filter(r -> r.reason() == RemovalReason.REPLACED)
                .map(r -> r.entry().txid().toHex()).findFirst().orElse(null);
        return new MempoolViews.Submitted(result.txid().toHex(), result.outcome().name(), replaced);
    }

    @GetMapping("/api/v1/template")
    public Mono<MempoolViews.TemplateView> template(
            @RequestParam(name = "maxBytes", defaultValue = "" + TEMPLATE_MAX_BYTES) long maxBytes,
            @RequestParam(name = "maxTransactions", defaultValue = "" + TEMPLATE_MAX_TRANSACTIONS) int maxTransactions) {
        if (maxBytes < 0 || maxBytes > TEMPLATE_MAX_BYTES) {
            throw ApiException.invalidParameter("maxBytes must be in 0.." + TEMPLATE_MAX_BYTES + ", got " + maxBytes);
        }
        if (maxTransactions < 0 || maxTransactions > TEMPLATE_MAX_TRANSACTIONS) {
            throw ApiException.invalidParameter("maxTransactions must be in 0.." + TEMPLATE_MAX_TRANSACTIONS + ", got " + maxTransactions);
        }
        if (!follower.tipKnown()) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "NO_TIP", "the mempool has not learned the tip yet", Map.of());
        }
        return offLoop(() -> views.template(maxBytes, maxTransactions));
    }

    private Address parseAddress(String address) {
        try {
            return AddressFormat.decode(address, hrp);
        } catch (AddressDecodeException e) {
            throw ApiException.invalidParameter("address must be a " + hrp.prefix() + "1... bech32m address of this network: "
                    + e.getMessage());
        }
    }

    private static Hash256 parseTxid(String txid) {
        try {
            return Hash256.fromHex(txid);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidParameter("txid must be 64 hex characters, got '" + txid + "'");
        }
    }
}
