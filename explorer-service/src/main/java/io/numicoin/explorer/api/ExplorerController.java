package io.numicoin.explorer.api;

import io.numicoin.explorer.api.ExplorerViews.AddressView;
import io.numicoin.explorer.api.ExplorerViews.BlockPage;
import io.numicoin.explorer.api.ExplorerViews.BlockView;
import io.numicoin.explorer.api.ExplorerViews.HistoryEntry;
import io.numicoin.explorer.api.ExplorerViews.HistoryPage;
import io.numicoin.explorer.api.ExplorerViews.ReorgView;
import io.numicoin.explorer.api.ExplorerViews.SearchResult;
import io.numicoin.explorer.api.ExplorerViews.SearchView;
import io.numicoin.explorer.api.ExplorerViews.StaleBlockPage;
import io.numicoin.explorer.api.ExplorerViews.TxPage;
import io.numicoin.explorer.api.ExplorerViews.TxView;
import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.address.AddressDecodeException;
import io.numicoin.protocol.address.AddressFormat;
import io.numicoin.protocol.address.AddressHrp;
import io.numicoin.protocol.hash.Hash256;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code /api/v1/explorer/**} (docs/explorer.md): blocks, transactions, addresses, the mempool,
 * reorgs and search over the read model. Pages are bounded ({@link #MAX_PAGE}); blocks and
 * transactions deeper than {@link #IMMUTABLE_CONFIRMATIONS} are cacheable for a year, everything
 * else for {@link #SHORT_CACHE}. Queries run off the event loop.
 */
@RestController
@RequestMapping("/api/v1/explorer")
public class ExplorerController {

    public static final int MAX_PAGE = 100;
    public static final int IMMUTABLE_CONFIRMATIONS = 100;
    static final Duration SHORT_CACHE = Duration.ofSeconds(5);
    private static final Pattern HASH = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern HEX_PREFIX = Pattern.compile("[0-9a-f]{4,63}");
    private static final Pattern HEIGHT = Pattern.compile("[0-9]{1,18}");

    private final ExplorerQueries queries;
    private final AddressHrp hrp;

    public ExplorerController(ExplorerQueries queries, AddressHrp hrp) {
        this.queries = queries;
        this.hrp = hrp;
    }

    @Operation(summary = "The newest active-chain blocks, below a height (paged by nextBelow)")
    @GetMapping("/blocks")
    public Mono<ResponseEntity<BlockPage>> latest(@RequestParam(name = "below", required = false) Long below,
            @RequestParam(name = "limit", defaultValue = "20") int limit) {
        int n = page(limit);
        return blocking(() -> {
            List<BlockView> blocks = queries.latestBlocks(below == null ? Long.MAX_VALUE : below, n);
            Long next = blocks.size() == n && blocks.getLast().height() > 0 ? blocks.getLast().height() : null;
            return shortLived(new BlockPage(blocks, next));
        });
    }

    @Operation(summary = "A block by id, on any branch (status ACTIVE or STALE)")
    @GetMapping("/blocks/{id}")
    public Mono<ResponseEntity<BlockView>> block(@PathVariable("id") String id) {
        Hash256 hash = hash("block id", id);
        return blocking(() -> cached(queries.blockById(hash)
                .orElseThrow(() -> ApiException.notFound("BLOCK_NOT_FOUND", "no block " + hash)), BlockView::confirmations));
    }

    @Operation(summary = "The active chain's block at a height")
    @GetMapping("/blocks/height/{height}")
    public Mono<ResponseEntity<BlockView>> blockAtHeight(@PathVariable("height") long height) {
        return blocking(() -> cached(queries.blockAtHeight(height)
                .orElseThrow(() -> ApiException.notFound("BLOCK_NOT_FOUND", "no active block at height " + height)),
                BlockView::confirmations));
    }

    @Operation(summary = "A block's transactions, in block order, paged by offset")
    @GetMapping("/blocks/{id}/transactions")
    public Mono<ResponseEntity<TxPage>> blockTransactions(@PathVariable("id") String id,
            @RequestParam(name = "offset", defaultValue = "0") int offset,
            @RequestParam(name = "limit", defaultValue = "25") int limit) {
        Hash256 hash = hash("block id", id);
        int n = page(limit);
        if (offset < 0) {
            throw ApiException.badRequest("INVALID_PARAMETER", "offset must not be negative");
        }
        return blocking(() -> {
            BlockView block = queries.blockById(hash)
                    .orElseThrow(() -> ApiException.notFound("BLOCK_NOT_FOUND", "no block " + hash));
            List<TxView> txs = queries.blockTransactions(hash, offset, n);
            return cached(new TxPage(block.id(), offset, n, block.transactionCount(), txs),
                    p -> block.confirmations());
        });
    }

    @Operation(summary = "A transaction: its status (block, confirmations, mempool, stale blocks) and raw hex")
    @GetMapping("/transactions/{txid}")
    public Mono<ResponseEntity<TxView>> transaction(@PathVariable("txid") String txid) {
        Hash256 hash = hash("txid", txid);
        return blocking(() -> cached(queries.transaction(hash)
                .orElseThrow(() -> ApiException.notFound("TRANSACTION_NOT_FOUND", "no transaction " + hash)),
                t -> t.status().confirmations()));
    }

    @Operation(summary = "An address: balance, received, sent, transaction count, pending in the mempool")
    @GetMapping("/addresses/{address}")
    public Mono<ResponseEntity<AddressView>> address(@PathVariable("address") String address) {
        Address decoded = parseAddress(address);
        return blocking(() -> shortLived(queries.address(decoded)));
    }

    @Operation(summary = "An address's history, newest first, paged by cursor (the previous page's next)")
    @GetMapping("/addresses/{address}/history")
    public Mono<ResponseEntity<HistoryPage>> history(@PathVariable("address") String address,
            @RequestParam(name = "cursor", required = false) String cursor,
            @RequestParam(name = "limit", defaultValue = "25") int limit) {
        Address decoded = parseAddress(address);
        int n = page(limit);
        long[] before = cursor == null ? new long[] {Long.MAX_VALUE, Integer.MAX_VALUE} : cursor(cursor);
        return blocking(() -> {
            List<HistoryEntry> entries = queries.history(decoded, before[0], (int) before[1], n);
            String next = entries.size() == n ? entries.getLast().height() + ":" + entries.getLast().index() : null;
            return shortLived(new HistoryPage(AddressFormat.encode(decoded, hrp), entries, next));
        });
    }

    @Operation(summary = "Reorganisations, newest first: fork point, old and new tip, depth")
    @GetMapping("/reorgs")
    public Mono<ResponseEntity<List<ReorgView>>> reorgs(@RequestParam(name = "limit", defaultValue = "20") int limit) {
        int n = page(limit);
        return blocking(() -> shortLived(queries.reorgs(n)));
    }

    @Operation(summary = "Stale blocks (reorganised out of the active chain), newest first, paged by cursor")
    @GetMapping("/stale-blocks")
    public Mono<ResponseEntity<StaleBlockPage>> staleBlocks(@RequestParam(name = "cursor", required = false) String cursor,
            @RequestParam(name = "limit", defaultValue = "20") int limit) {
        int n = page(limit);
        long beforeHeight = Long.MAX_VALUE;
        byte[] beforeId = new byte[0];
        if (cursor != null) {
            int colon = cursor.indexOf(':');
            String id = colon < 0 ? "" : cursor.substring(colon + 1);
            if (colon < 1 || !HASH.matcher(id).matches() || !HEIGHT.matcher(cursor.substring(0, colon)).matches()) {
                throw ApiException.badRequest("INVALID_PARAMETER", "cursor must be the next value of a previous page");
            }
            beforeHeight = Long.parseLong(cursor.substring(0, colon));
            beforeId = Hash256.fromHex(id.toLowerCase(Locale.ROOT)).toArray();
        }
        long height = beforeHeight;
        byte[] id = beforeId;
        return blocking(() -> {
            List<BlockView> blocks = queries.staleBlocks(height, id, n);
            String next = blocks.size() == n ? blocks.getLast().height() + ":" + blocks.getLast().id() : null;
            return shortLived(new StaleBlockPage(blocks, next));
        });
    }

    @Operation(summary = "Search a block id, txid, height, address or hex prefix (at least 4 digits)")
    @GetMapping("/search")
    public Mono<ResponseEntity<SearchView>> search(@RequestParam(name = "q") String q) {
        String query = q.strip();
        if (query.isEmpty() || query.length() > 128) {
            throw ApiException.badRequest("INVALID_PARAMETER", "q must be 1..128 characters");
        }
        return blocking(() -> shortLived(new SearchView(query, searchResults(query))));
    }

    private List<SearchResult> searchResults(String query) {
        List<SearchResult> results = new ArrayList<>();
        if (HEIGHT.matcher(query).matches()) {
            queries.blockAtHeight(Long.parseLong(query)).ifPresent(b -> results.add(
                    new SearchResult("block", b.id(), "/api/v1/explorer/blocks/" + b.id())));
        }
        String lower = query.toLowerCase(Locale.ROOT);
        if (HASH.matcher(query).matches()) {
            Hash256 hash = Hash256.fromHex(lower);
            queries.blockById(hash).ifPresent(b -> results.add(
                    new SearchResult("block", b.id(), "/api/v1/explorer/blocks/" + b.id())));
            queries.transaction(hash).ifPresent(t -> results.add(
                    new SearchResult("transaction", t.txid(), "/api/v1/explorer/transactions/" + t.txid())));
        } else if (HEX_PREFIX.matcher(lower).matches()) {
            for (String[] hit : queries.idsByPrefix(lower, 10)) {
                String path = hit[0].equals("block") ? "blocks/" : "transactions/";
                results.add(new SearchResult(hit[0], hit[1], "/api/v1/explorer/" + path + hit[1]));
            }
        }
        if (lower.startsWith(hrp.prefix() + "1")) {
            try {
                Address address = AddressFormat.decode(lower, hrp);
                String text = AddressFormat.encode(address, hrp);
                results.add(new SearchResult("address", text, "/api/v1/explorer/addresses/" + text));
            } catch (AddressDecodeException e) {
                // not an address of this network: no address result
            }
        }
        return results;
    }

    /** 503: the read model has no block yet (its backfill has not begun). */
    static ApiException emptyReadModel() {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "UNAVAILABLE", "the read model has no block yet");
    }

    static <T> Mono<ResponseEntity<T>> blocking(Callable<ResponseEntity<T>> query) {
        return Mono.fromCallable(query).subscribeOn(Schedulers.boundedElastic());
    }

    static <T> ResponseEntity<T> shortLived(T body) {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(SHORT_CACHE).cachePublic()).body(body);
    }

    /** Immutable (a year) when deeper than {@link #IMMUTABLE_CONFIRMATIONS}, short-lived otherwise. */
    private static <T> ResponseEntity<T> cached(T body, java.util.function.ToLongFunction<T> confirmations) {
        if (confirmations.applyAsLong(body) > IMMUTABLE_CONFIRMATIONS) {
            return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                    .body(body);
        }
        return shortLived(body);
    }

    static int page(int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw ApiException.badRequest("INVALID_PARAMETER", "limit must be 1.." + MAX_PAGE);
        }
        return limit;
    }

    private static Hash256 hash(String what, String text) {
        if (!HASH.matcher(text).matches()) {
            throw ApiException.badRequest("MALFORMED_HASH", what + " must be 64 hex digits");
        }
        return Hash256.fromHex(text.toLowerCase(Locale.ROOT));
    }

    private Address parseAddress(String text) {
        try {
            return AddressFormat.decode(text, hrp);
        } catch (AddressDecodeException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "ADDRESS_" + e.error().name(), e.getMessage());
        }
    }

    private static long[] cursor(String text) {
        int colon = text.indexOf(':');
        try {
            long height = Long.parseLong(text.substring(0, colon));
            int index = Integer.parseInt(text.substring(colon + 1));
            if (height < 0 || index < 0) {
                throw new NumberFormatException();
            }
            return new long[] {height, index};
        } catch (RuntimeException e) {
            throw ApiException.badRequest("INVALID_PARAMETER", "cursor must be the next value of a previous page");
        }
    }
}
