package io.numicoin.mempool.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.numicoin.mempool.pool.Mempool;
import io.numicoin.mempool.pool.PoolSummary;
import io.numicoin.mempool.pool.Template;
import io.numicoin.protocol.address.AddressHrp;
import io.numicoin.support.json.AmountJson;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The summary and the block templates, built once per state of the pool (its {@link Mempool#version()}:
 * every change of content or tip) instead of once per call: a flood of {@code GET /api/v1/mempool}
 * or {@code /template} costs a map lookup each. A view built while the pool changed carries the old
 * version, so the next call rebuilds it: never stale by more than one change. Builds are counted in
 * {@code numi.mempool.view.builds}.
 */
final class CachedViews {

    private static final int MAX_TEMPLATE_SHAPES = 32;

    private record SummaryEntry(long version, long minFeeRate, MempoolViews.Summary view) {
    }

    private record TemplateKey(long maxBytes, int maxTransactions) {
    }

    private final Mempool pool;
    private final AddressHrp hrp;
    private final int chainId;
    private final Counter summaryBuilds;
    private final Counter templateBuilds;
    private volatile SummaryEntry summary;
    private volatile long templatesVersion = -1;
    private final Map<TemplateKey, MempoolViews.TemplateView> templates = new ConcurrentHashMap<>();

    CachedViews(Mempool pool, AddressHrp hrp, int chainId, MeterRegistry meters) {
        this.pool = pool;
        this.hrp = hrp;
        this.chainId = chainId;
        this.summaryBuilds = Counter.builder("numi.mempool.view.builds").tag("view", "summary")
                .description("Summaries and templates built (once per pool state, not per call)").register(meters);
        this.templateBuilds = Counter.builder("numi.mempool.view.builds").tag("view", "template")
                .description("Summaries and templates built (once per pool state, not per call)").register(meters);
    }

    MempoolViews.Summary summary() {
        long version = pool.version();
        long minFeeRate = pool.minFeeRate();  // decays with time: part of the key
        SummaryEntry cached = summary;
        if (cached != null && cached.version() == version && cached.minFeeRate() == minFeeRate) {
            return cached.view();
        }
        summaryBuilds.increment();
        MempoolViews.Summary view = MempoolViews.Summary.of(PoolSummary.of(pool));
        summary = new SummaryEntry(version, minFeeRate, view);
        return view;
    }

    MempoolViews.TemplateView template(long maxBytes, int maxTransactions) {
        long version = pool.version();
        if (version != templatesVersion) {
            templates.clear();
            templatesVersion = version;
        }
        TemplateKey key = new TemplateKey(maxBytes, maxTransactions);
        MempoolViews.TemplateView cached = templates.get(key);
        if (cached != null) {
            return cached;
        }
        templateBuilds.increment();
        Template template = pool.template(maxBytes, maxTransactions);
        MempoolViews.TemplateView view = new MempoolViews.TemplateView(template.tip().id().toHex(), template.tip().height(),
                template.tip().height() + 1, AmountJson.chainId(chainId), template.transactions().size(), template.totalBytes(),
                AmountJson.of(template.totalFees()), pool.minFeeRate(),
                template.transactions().stream().map(e -> MempoolViews.TemplateTx.of(e, hrp)).toList());
        if (templates.size() < MAX_TEMPLATE_SHAPES) {
            templates.put(key, view);
        }
        return view;
    }
}
