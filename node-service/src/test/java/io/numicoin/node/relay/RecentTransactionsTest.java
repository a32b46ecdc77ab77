package io.numicoin.node.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.protocol.hash.Hash256;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecentTransactionsTest {

    static Hash256 txid(Random random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Hash256.of(bytes);
    }

    @Test
    void aTxidIsNewOnceAndTheOldestIsForgottenPastTheCapacity() {
        Random random = new Random(11);
        RecentTransactions recent = new RecentTransactions(3);
        List<Hash256> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(txid(random));
        }
        assertThat(recent.add(ids.get(0))).isTrue();
        assertThat(recent.add(ids.get(0))).isFalse();
        recent.add(ids.get(1));
        recent.add(ids.get(2));
        recent.add(ids.get(3));
        assertThat(recent.size()).isEqualTo(3);
        assertThat(recent.contains(ids.get(0))).isFalse();
        assertThat(recent.contains(ids.get(3))).isTrue();
        recent.forget(ids.get(3));
        assertThat(recent.add(ids.get(3))).isTrue();
    }

    @Test
    void ofThreadsHearingTheSameTxidExactlyOneLearnsItIsNew() throws InterruptedException {
        RecentTransactions recent = new RecentTransactions(1000);
        Hash256 id = txid(new Random(3));
        AtomicInteger firsts = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                if (recent.add(id)) {
                    firsts.incrementAndGet();
                }
            }));
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(firsts).hasValue(1);
    }
}
