package io.numicoin.explorer.web;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.numicoin.explorer.api.ExplorerQueries;
import io.numicoin.explorer.stats.MempoolStats;
import io.numicoin.explorer.web.live.LiveFeed;
import io.numicoin.explorer.web.live.LiveReadModel;
import io.numicoin.explorer.web.live.LiveStreams;
import io.numicoin.protocol.address.AddressHrp;
import io.numicoin.protocol.params.NetworkParams;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The web UI (docs/explorer.md#web-ui): the pages' queries, the static assets' versions, and the
 * live feed polled every {@code numi.web.live-poll} by one thread, with its stream cap (gauge
 * {@code explorer.web.live.streams}).
 */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    @Bean
    WebQueries webQueries(JdbcTemplate jdbc, ExplorerQueries queries, AddressHrp hrp) {
        return new WebQueries(jdbc, queries, hrp);
    }

    @Bean
    StaticAssets staticAssets() {
        return new StaticAssets();
    }

    @Bean
    PageErrorAttributes pageErrorAttributes(StaticAssets assets, NetworkParams params) {
        return new PageErrorAttributes(assets, params);
    }

    @Bean
    LiveReadModel liveReadModel(JdbcTemplate jdbc, ExplorerQueries queries, MempoolStats mempool) {
        return new LiveReadModel(jdbc, queries, mempool);
    }

    @Bean
    LiveFeed liveFeed(LiveReadModel readModel) {
        return new LiveFeed(readModel);
    }

    @Bean
    LiveStreams liveStreams(WebProperties properties, MeterRegistry meters) {
        LiveStreams streams = new LiveStreams(properties.maxLiveStreams(), properties.maxLiveStreamsPerClient());
        Gauge.builder("explorer.web.live.streams", streams, LiveStreams::open)
                .description("live (SSE) streams open now").register(meters);
        return streams;
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService livePoller(LiveFeed feed, WebProperties properties) {
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(
                Thread.ofVirtual().name("explorer-live-poll").factory());
        long period = properties.livePoll().toMillis();
        poller.scheduleWithFixedDelay(feed::poll, 0, period, TimeUnit.MILLISECONDS);
        return poller;
    }
}
