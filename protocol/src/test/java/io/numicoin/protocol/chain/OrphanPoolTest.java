package io.numicoin.protocol.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.protocol.hash.Hash256;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OrphanPoolTest {

    private static Hash256 h(int n) {
        byte[] bytes = new byte[Hash256.SIZE];
        bytes[28] = (byte) (n >>> 24);
        bytes[29] = (byte) (n >>> 16);
        bytes[30] = (byte) (n >>> 8);
        bytes[31] = (byte) n;
        return Hash256.of(bytes);
    }

    @Test
    void aSourceOverItsQuotaLosesItsOwnOldestNeverAnothersOrphans() {
        OrphanPool<String> pool = new OrphanPool<>(10, 1_000, 600, 3, 1_000);
        pool.add(h(1), h(101), 10, "b1", 1_000, "b");
        for (int i = 2; i <= 50; i++) {
            assertThat(pool.add(h(i), h(100 + i), 10, "a" + i, 1_000, "a")).isEqualTo(OrphanAddResult.ADDED);
        }

        assertThat(pool.countFrom("a")).isEqualTo(3);
        assertThat(pool.contains(h(48))).isTrue();
        assertThat(pool.contains(h(47))).isFalse();
        assertThat(pool.contains(h(1))).isTrue();
        assertThat(pool.size()).isEqualTo(4);
        assertThat(pool.bytes()).isEqualTo(40);
    }

    @Test
    void aFullPoolEvictsFromTheSourceHoldingTheMost() {
        OrphanPool<String> pool = new OrphanPool<>(6, 1_000, 600, 4, 1_000);
        pool.add(h(1), h(101), 10, "c1", 1_000, "c");
        pool.add(h(2), h(102), 10, "b2", 1_000, "b");
        pool.add(h(3), h(103), 10, "b3", 1_000, "b");
        for (int i = 4; i <= 7; i++) {
            pool.add(h(i), h(100 + i), 10, "a" + i, 1_000, "a");
        }

        assertThat(pool.size()).isEqualTo(6);
        assertThat(pool.countFrom("a")).isEqualTo(3);
        assertThat(pool.contains(h(4))).isFalse();  // a's oldest, though c's and b's are older
        assertThat(pool.contains(h(1))).isTrue();
        assertThat(pool.countFrom("b")).isEqualTo(2);
        assertThat(pool.takeChildren(h(105))).containsExactly("a5");
        assertThat(pool.countFrom("a")).isEqualTo(2);
    }

    @Test
    void countBoundEvictsTheOldest() {
        OrphanPool<String> pool = new OrphanPool<>(3, 1_000, 600);
        for (int i = 1; i <= 5; i++) {
            assertThat(pool.add(h(i), h(100 + i), 10, "o" + i, 1_000 + i)).isEqualTo(OrphanAddResult.ADDED);
        }

        assertThat(pool.size()).isEqualTo(3);
        assertThat(pool.bytes()).isEqualTo(30);
        assertThat(pool.contains(h(1))).isFalse();
        assertThat(pool.contains(h(2))).isFalse();
        assertThat(pool.contains(h(3))).isTrue();
        assertThat(pool.contains(h(5))).isTrue();
        assertThat(pool.takeChildren(h(101))).isEmpty();
    }

    @Test
    void byteBoundEvictsAsManyOldestAsNeeded() {
        OrphanPool<String> pool = new OrphanPool<>(750, 1_000, 600);
        pool.add(h(1), h(0), 300, "a", 0);
        pool.add(h(2), h(0), 300, "b", 0);
        pool.add(h(3), h(0), 300, "c", 0);

        assertThat(pool.add(h(4), h(0), 650, "d", 0)).isEqualTo(OrphanAddResult.ADDED);

        assertThat(pool.size()).isEqualTo(2);
        assertThat(pool.bytes()).isEqualTo(950);
        assertThat(pool.takeChildren(h(0))).containsExactly("c", "d");
        assertThat(pool.bytes()).isZero();
    }

    @Test
    void anEntryLargerThanTheWholePoolIsRefusedWithoutEvicting() {
        OrphanPool<String> pool = new OrphanPool<>(750, 1_000, 600);
        pool.add(h(1), h(0), 900, "a", 0);

        assertThat(pool.add(h(2), h(0), 1_001, "big", 0)).isEqualTo(OrphanAddResult.TOO_LARGE);
        assertThat(pool.add(h(3), h(0), 1_000, "fits", 0)).isEqualTo(OrphanAddResult.ADDED);
        assertThat(pool.contains(h(1))).isFalse();
        assertThat(pool.bytes()).isEqualTo(1_000);
        assertThatThrownBy(() -> pool.add(h(4), h(0), -1, "x", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void duplicatesAreIgnoredAndKeepTheirPlace() {
        OrphanPool<String> pool = new OrphanPool<>(2, 1_000, 600);
        pool.add(h(1), h(0), 10, "first", 0);
        pool.add(h(2), h(0), 10, "second", 1);

        assertThat(pool.add(h(1), h(9), 50, "again", 2)).isEqualTo(OrphanAddResult.DUPLICATE);
        assertThat(pool.bytes()).isEqualTo(20);
        pool.add(h(3), h(0), 10, "third", 3);
        assertThat(pool.contains(h(1))).isFalse();
        assertThat(pool.takeChildren(h(0))).containsExactly("second", "third");
        assertThat(pool.takeChildren(h(9))).isEmpty();
    }

    @Test
    void entriesExpireOnceOlderThanTheMaximumAge() {
        OrphanPool<String> pool = new OrphanPool<>(750, 1_000, 600);
        pool.add(h(1), h(0), 10, "a", 1_000);
        pool.add(h(2), h(0), 10, "b", 1_100);

        assertThat(pool.expire(1_600)).isZero();
        assertThat(pool.contains(h(1))).isTrue();
        assertThat(pool.expire(1_601)).isEqualTo(1);
        assertThat(pool.contains(h(1))).isFalse();
        assertThat(pool.contains(h(2))).isTrue();

        pool.add(h(3), h(0), 10, "c", 1_701);  // adding expires too
        assertThat(pool.contains(h(2))).isFalse();
        assertThat(pool.size()).isEqualTo(1);
        assertThat(pool.bytes()).isEqualTo(10);
    }

    @Test
    void takeChildrenReturnsEveryWaitingChildOldestFirstAndRemovesThem() {
        OrphanPool<String> pool = new OrphanPool<>(750, 10_000, 600);
        pool.add(h(3), h(2), 10, "grandchild", 0);
        pool.add(h(2), h(1), 10, "child-a", 0);
        pool.add(h(4), h(1), 10, "child-b", 0);

        assertThat(pool.takeChildren(h(1))).containsExactly("child-a", "child-b");
        assertThat(pool.takeChildren(h(1))).isEmpty();
        assertThat(pool.size()).isEqualTo(1);
        assertThat(pool.takeChildren(h(2))).containsExactly("grandchild");
        assertThat(pool.size()).isZero();
        assertThat(pool.bytes()).isZero();
    }

    @Test
    void missingAncestorFollowsParentsThroughThePool() {
        OrphanPool<String> pool = new OrphanPool<>(750, 10_000, 600);
        pool.add(h(13), h(12), 10, "13", 0);
        pool.add(h(12), h(11), 10, "12", 0);
        pool.add(h(11), h(10), 10, "11", 0);

        assertThat(pool.missingAncestor(h(13))).contains(h(10));
        assertThat(pool.missingAncestor(h(11))).contains(h(10));
        assertThat(pool.missingAncestor(h(99))).isEmpty();
    }

    @Test
    void badBoundsAreRejected() {
        assertThatThrownBy(() -> new OrphanPool<String>(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OrphanPool<String>(1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(OrphanPool.<String>withDefaults().size()).isZero();
    }

    /** A seeded random mix of adds, takes and expiries against a plain list kept by the same rules. */
    @Test
    void randomOperationsMatchASimpleModel() {
        Random random = new Random(2024);
        int maxCount = 20;
        long maxBytes = 2_000;
        long maxAge = 50;
        OrphanPool<Integer> pool = new OrphanPool<>(maxCount, maxBytes, maxAge);
        record Entry(int id, int parent, long size, long addedAt) {
        }
        Map<Integer, Entry> model = new LinkedHashMap<>();
        long now = 0;
        for (int step = 0; step < 20_000; step++) {
            now += random.nextInt(3);
            long time = now;
            int op = random.nextInt(10);
            if (op < 7) {
                int id = random.nextInt(60);
                int parent = random.nextInt(60);
                long size = 1 + random.nextInt(300);
                model.values().removeIf(e -> time - e.addedAt() > maxAge);
                OrphanAddResult expected = model.containsKey(id) ? OrphanAddResult.DUPLICATE : OrphanAddResult.ADDED;
                if (expected == OrphanAddResult.ADDED) {
                    model.put(id, new Entry(id, parent, size, time));
                    while (model.size() > maxCount || model.values().stream().mapToLong(Entry::size).sum() > maxBytes) {
                        model.remove(model.keySet().iterator().next());
                    }
                }
                assertThat(pool.add(h(id), h(parent), size, id, time)).isEqualTo(expected);
            } else if (op < 9) {
                int parent = random.nextInt(60);
                List<Integer> expected = new ArrayList<>();
                model.values().stream().filter(e -> e.parent() == parent).forEach(e -> expected.add(e.id()));
                expected.forEach(model::remove);
                assertThat(pool.takeChildren(h(parent))).containsExactlyElementsOf(expected);
            } else {
                int before = model.size();
                model.values().removeIf(e -> time - e.addedAt() > maxAge);
                assertThat(pool.expire(time)).isEqualTo(before - model.size());
            }
            assertThat(pool.size()).isEqualTo(model.size());
            assertThat(pool.bytes()).isEqualTo(model.values().stream().mapToLong(Entry::size).sum());
        }
        for (int id = 0; id < 60; id++) {
            assertThat(pool.contains(h(id))).isEqualTo(model.containsKey(id));
        }
    }
}
