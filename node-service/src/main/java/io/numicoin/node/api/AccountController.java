package io.numicoin.node.api;

import io.numicoin.node.api.dto.AccountView;
import io.numicoin.node.api.error.Problems;
import io.numicoin.node.query.AccountQueries;
import io.numicoin.node.query.AccountRecord;
import io.numicoin.node.query.AccountTxRecord;
import io.numicoin.node.query.BlockingReads;
import io.numicoin.node.query.HistoryCursor;
import io.numicoin.node.config.NodeProperties;
import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.address.AddressHrp;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /api/v1/accounts/{address}}: balance, nonce, immature rewards and recent transactions. */
@RestController
@Tag(name = "accounts")
public class AccountController {

    public static final int MAX_PAGE = 100;

    private final AccountQueries queries;
    private final BlockingReads reads;
    private final ApiViews views;
    private final AddressHrp hrp;

    public AccountController(AccountQueries queries, BlockingReads reads, ApiViews views, NodeProperties node) {
        this.queries = queries;
        this.reads = reads;
        this.views = views;
        this.hrp = node.params().hrp();
    }

    @Operation(summary = "An account",
            description = "Balance and nonce after the tip, coinbase rewards not matured yet, and the account's "
                    + "transactions on the active chain, newest first, paged with cursor.")
    @GetMapping("/api/v1/accounts/{address}")
    public Mono<AccountView> account(@PathVariable("address") String address,
            @Parameter(description = "transactions per page, 1.." + MAX_PAGE)
            @RequestParam(name = "limit", defaultValue = "20") int limit,
            @Parameter(description = "nextCursor of the previous page")
            @RequestParam(name = "cursor", required = false) String cursor) {
        Address owner = ApiParams.address(address, hrp);
        ApiParams.between("limit", limit, 1, MAX_PAGE);
        HistoryCursor before = cursor == null ? HistoryCursor.NEWEST : HistoryCursor.parse(cursor)
                .orElseThrow(() -> Problems.invalidParameter("cursor must be <height>-<position>, got '" + cursor + "'"));
        return reads.read(() -> {
            AccountRecord account = queries.account(owner);
            List<AccountTxRecord> page = queries.history(owner, before, limit);
            Optional<String> next = page.size() == limit ? Optional.of(page.getLast().cursor().toString()) : Optional.empty();
            return views.account(account, page, next);
        });
    }
}
