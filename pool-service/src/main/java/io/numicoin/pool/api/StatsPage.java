package io.numicoin.pool.api;

import io.numicoin.pool.ledger.LedgerQueries;
import io.numicoin.pool.ledger.LedgerViews;
import io.numicoin.pool.stats.PoolStatistics;
import io.numicoin.pool.stratum.StratumServer;
import io.numicoin.protocol.money.Amount;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The statistics page: server-rendered HTML with inline CSS, nothing loaded from elsewhere. */
@RestController
class StatsPage {

    private final PoolStatistics stats;
    private final LedgerQueries ledger;
    private final StratumServer stratum;

    StatsPage(PoolStatistics stats, LedgerQueries ledger, StratumServer stratum) {
        this.stats = stats;
        this.ledger = ledger;
        this.stratum = stratum;
    }

    @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE)
    Mono<String> page() {
        return Mono.fromCallable(this::render).subscribeOn(Schedulers.boundedElastic());
    }

    private String render() {
        PoolStatistics.PoolView pool = stats.pool();
        LedgerViews.Totals totals = ledger.totals();
        StringBuilder html = new StringBuilder(8192);
        html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>NumiCoin pool</title>")
                .append("<meta http-equiv=\"refresh\" content=\"30\"><style>body{font-family:sans-serif;margin:2em}")
                .append("table{border-collapse:collapse;margin-bottom:2em}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:right}")
                .append("th{background:#eee}td.l{text-align:left;font-family:monospace}</style></head><body><h1>NumiCoin pool</h1>");
        html.append("<table><tr><th>hash rate</th><th>connections</th><th>workers</th><th>accepted</th><th>stale</th><th>invalid</th>")
                .append("<th>blocks found</th><th>mature</th><th>orphaned</th><th>payouts</th><th>paid (NUMI)</th></tr><tr>")
                .append(td(rate(pool.hashrate()))).append(td(stratum.connections())).append(td(pool.workers()))
                .append(td(pool.accepted())).append(td(pool.stale())).append(td(pool.invalid())).append(td(totals.blocksFound()))
                .append(td(totals.blocksMature())).append(td(totals.blocksOrphaned())).append(td(totals.payouts()))
                .append(td(Amount.ofUnits(totals.paidUnits()).toNumiString())).append("</tr></table>");
        html.append("<h2>Workers</h2><table><tr><th>worker</th><th>hash rate</th><th>accepted</th><th>stale</th><th>invalid</th></tr>");
        stats.workers(null).forEach((name, w) -> html.append("<tr><td class=\"l\">").append(HtmlUtils.htmlEscape(name)).append("</td>")
                .append(td(rate(w.hashrate()))).append(td(w.accepted())).append(td(w.stale())).append(td(w.invalid())).append("</tr>"));
        html.append("</table><h2>Blocks</h2><table><tr><th>height</th><th>block</th><th>finder</th><th>status</th><th>reward (NUMI)</th></tr>");
        for (LedgerViews.FoundBlockView b : ledger.blocks(20)) {
            html.append("<tr>").append(td(b.height())).append("<td class=\"l\">").append(b.blockId(), 0, 16).append("…</td><td class=\"l\">")
                    .append(HtmlUtils.htmlEscape(b.finder())).append("</td><td class=\"l\">").append(b.status()).append("</td>")
                    .append(td(Amount.ofUnits(b.reward()).toNumiString())).append("</tr>");
        }
        html.append("</table><h2>Payouts</h2><table><tr><th>address</th><th>amount (NUMI)</th><th>status</th><th>tx</th></tr>");
        for (LedgerViews.PayoutView p : ledger.payouts(null, 20)) {
            html.append("<tr><td class=\"l\">").append(HtmlUtils.htmlEscape(p.address())).append("</td>")
                    .append(td(Amount.ofUnits(p.amount()).toNumiString())).append("<td class=\"l\">").append(p.status())
                    .append("</td><td class=\"l\">").append(p.txid(), 0, 16).append("…</td></tr>");
        }
        return html.append("</table></body></html>").toString();
    }

    private static String td(Object value) {
        return "<td>" + HtmlUtils.htmlEscape(String.valueOf(value)) + "</td>";
    }

    private static String rate(double hashesPerSecond) {
        return String.format(Locale.ROOT, "%.1f H/s", hashesPerSecond);
    }
}
