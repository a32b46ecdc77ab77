package io.numicoin.protocol.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.protocol.hash.Hash256;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class VerifiedTransfersTest {

    @Test
    void remembersUpToItsCapacityAndForgetsTheOldestFirst() {
        VerifiedTransfers verified = new VerifiedTransfers(3);
        List<Hash256> leaves = leaves(4, 1);
        leaves.subList(0, 3).forEach(verified::remember);
        verified.remember(leaves.get(0));  // again: no second entry, and it keeps its place
        assertThat(verified.size()).isEqualTo(3);

        verified.remember(leaves.get(3));
        assertThat(verified.size()).isEqualTo(3);
        assertThat(verified.passed(leaves.get(0))).isFalse();
        assertThat(verified.passed(leaves.get(1))).isTrue();
        assertThat(verified.passed(leaves.get(3))).isTrue();
        assertThat(verified.hits()).isEqualTo(2);
    }

    @Test
    void noneRemembersNothing() {
        VerifiedTransfers none = VerifiedTransfers.none();
        Hash256 leaf = leaves(1, 2).getFirst();
        none.remember(leaf);
        assertThat(none.enabled()).isFalse();
        assertThat(none.passed(leaf)).isFalse();
        assertThat(none.size()).isZero();
        assertThat(new VerifiedTransfers(0).enabled()).isFalse();
        assertThatThrownBy(() -> new VerifiedTransfers(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void staysWithinItsCapacityUnderConcurrentUse() throws Exception {
        VerifiedTransfers verified = new VerifiedTransfers(500);
        List<Hash256> leaves = leaves(4_000, 3);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Void>> parts = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int from = t * 1_000;
                parts.add(CompletableFuture.runAsync(() -> {
                    for (int i = from; i < from + 1_000; i++) {
                        verified.remember(leaves.get(i));
                        verified.passed(leaves.get(i));
                    }
                }, pool));
            }
            CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).get();
        } finally {
            pool.shutdownNow();
        }
        assertThat(verified.size()).isEqualTo(500);
        assertThat(leaves.stream().filter(verified::passed).count()).isEqualTo(500);
    }

    private static List<Hash256> leaves(int count, long seed) {
        Random random = new Random(seed);
        List<Hash256> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] bytes = new byte[Hash256.SIZE];
            random.nextBytes(bytes);
            out.add(Hash256.of(bytes));
        }
        return out;
    }
}
