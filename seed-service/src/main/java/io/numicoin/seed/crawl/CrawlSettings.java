package io.numicoin.seed.crawl;

import java.time.Duration;

/**
 * @param maxConcurrent peers visited at once
 * @param claimFor how long a claimed peer is kept from other claims (a visit that never reports back
 *                 frees it after this)
 */
public record CrawlSettings(int maxConcurrent, Duration claimFor) {

    public CrawlSettings {
        if (maxConcurrent < 1 || claimFor.isNegative() || claimFor.isZero()) {
            throw new IllegalArgumentException("maxConcurrent and claimFor must be positive");
        }
    }
}
