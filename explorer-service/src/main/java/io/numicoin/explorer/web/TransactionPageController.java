package io.numicoin.explorer.web;

import io.numicoin.explorer.api.ExplorerQueries;
import io.numicoin.explorer.api.ExplorerViews.TxView;
import io.numicoin.explorer.web.view.Memo;
import io.numicoin.protocol.hash.Hash256;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/** {@code /tx/{txid}}: a transaction, where it is (block and confirmations, mempool, stale blocks), its raw bytes. */
@Controller
public class TransactionPageController {

    private final ExplorerQueries queries;

    public TransactionPageController(ExplorerQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/tx/{txid}")
    public Mono<Rendering> transaction(@PathVariable("txid") String txid) {
        Hash256 hash = PageInput.hash("a txid", txid);
        return Pages.render(() -> {
            TxView tx = queries.transaction(hash)
                    .orElseThrow(() -> new PageNotFoundException("This explorer has seen no transaction " + hash + "."));
            return Pages.view("transaction").modelAttribute("tx", tx).modelAttribute("memo", Memo.of(tx.memo()))
                    .modelAttribute("feeRate", tx.size() == 0 ? 0 : tx.fee() * 1_000 / tx.size())
                    .modelAttribute("title", "Transaction " + tx.txid().substring(0, 16)).build();
        });
    }
}
