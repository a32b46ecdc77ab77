package io.numicoin.testkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class DatabaseNamesTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void namesAreUniqueLegalIdentifiersCarryingTheirCreationTime() {
        DatabaseNames names = new DatabaseNames();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String name = names.next("Block-Store.V1 with a very long prefix indeed", NOW);
            assertThat(name).matches("[a-z0-9_]{1,63}").startsWith("numitest_block_store_v1_with__");
            assertThat(DatabaseNames.createdAt(name)).contains(NOW);
            assertThat(seen.add(name)).isTrue();
        }
    }

    @Test
    void onlyOurOldDatabasesAreStale() {
        String old = new DatabaseNames().next("x", NOW.minus(Duration.ofHours(25)));
        String fresh = new DatabaseNames().next("x", NOW.minus(Duration.ofHours(23)));
        assertThat(DatabaseNames.isStale(old, NOW, Duration.ofDays(1))).isTrue();
        assertThat(DatabaseNames.isStale(fresh, NOW, Duration.ofDays(1))).isFalse();
        assertThat(DatabaseNames.isStale("test", NOW, Duration.ofDays(1))).isFalse();
        assertThat(DatabaseNames.isStale("numitest_garbage", NOW, Duration.ofDays(1))).isFalse();
    }
}
