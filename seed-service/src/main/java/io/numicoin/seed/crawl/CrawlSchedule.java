package io.numicoin.seed.crawl;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Starts the crawl with the context: learns the bootstrap addresses, then fills free crawl slots every {@code tick}. */
public final class CrawlSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CrawlSchedule.class);

    private final Crawler crawler;
    private final List<String> bootstrap;
    private final Duration tick;
    private ScheduledExecutorService timer;

    public CrawlSchedule(Crawler crawler, List<String> bootstrap, Duration tick) {
        this.crawler = crawler;
        this.bootstrap = List.copyOf(bootstrap);
        this.tick = tick;
    }

    @Override
    public synchronized void start() {
        crawler.learnBootstrap(bootstrap);
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("seed-crawl-tick").factory());
        timer.scheduleWithFixedDelay(this::tick, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            crawler.tick();
        } catch (RuntimeException e) {
            log.warn("crawl tick failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
