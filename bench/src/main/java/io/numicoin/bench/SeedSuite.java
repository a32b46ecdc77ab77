package io.numicoin.bench;

import java.util.List;

/** {@code bench/run seed}: the DNS seed's answer rate against NSD, and its crawl rate. */
final class SeedSuite {

    private SeedSuite() {
    }

    static List<BenchPart> parts() {
        return List.of(new SeedDnsQpsBench(), new SeedCrawlBench());
    }
}
