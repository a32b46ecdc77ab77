package io.numicoin.p2p.gossipsub;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.p2p.gossipsub.rpc.Blob;
import io.numicoin.p2p.gossipsub.rpc.Message;
import io.numicoin.p2p.peer.PeerId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The message cache windows, the seen-cache TTL and bound, backoff slack and IWANT promises. */
class CachesTest {

    private static final PeerId PEER = PeerId.fromEd25519PublicKey(new byte[32]);

    private static Blob id(int n) {
        return Blob.of(new byte[] {(byte) n});
    }

    @Test
    void messageCacheGossipsTheNewestWindowsAndForgetsAfterTheHistory() {
        MessageCache cache = new MessageCache(5, 3);
        for (int window = 0; window < 6; window++) {
            cache.put(id(window), Message.unsigned(window % 2 == 0 ? "even" : "odd", Blob.EMPTY));
            if (window == 2) {
                assertThat(cache.gossipIds("even")).containsExactly(id(2), id(0));
            }
            cache.shift();
        }
        // windows now, newest first: [], 5, 4, 3, 2 — 1 and 0 have left the history; gossip reads 3
        assertThat(cache.gossipIds("even")).containsExactly(id(4));
        assertThat(cache.gossipIds("odd")).containsExactly(id(5));
        assertThat(cache.contains(id(2))).isTrue();
        assertThat(cache.contains(id(1))).isFalse();
        assertThat(cache.size()).isEqualTo(4);
    }

    @Test
    void messageCacheAnswersEachPeerALimitedNumberOfTimes() {
        MessageCache cache = new MessageCache(5, 3);
        Message m = Message.unsigned("t", Blob.ofHex("01"));
        cache.put(id(1), m);
        cache.put(id(1), Message.unsigned("t", Blob.ofHex("02")));
        assertThat(List.of(cache.getForPeer(id(1), PEER, 2), cache.getForPeer(id(1), PEER, 2))).containsOnly(m);
        assertThat(cache.getForPeer(id(1), PEER, 2)).isNull();
        assertThat(cache.getForPeer(id(9), PEER, 2)).isNull();
    }

    @Test
    void seenCacheExpiresByFirstSightAndEvictsTheOldestWhenFull() {
        SeenCache seen = new SeenCache(1_000, 3);
        assertThat(seen.add(id(1), 0)).isTrue();
        assertThat(seen.add(id(1), 500)).isFalse();
        seen.add(id(2), 600);
        seen.expire(1_000);
        assertThat(seen.contains(id(1))).isFalse();
        assertThat(seen.contains(id(2))).isTrue();
        seen.add(id(3), 700);
        seen.add(id(4), 800);
        seen.add(id(5), 900);
        assertThat(seen.size()).isEqualTo(3);
        assertThat(seen.contains(id(2))).isFalse();
    }

    @Test
    void backoffIsStrictForGraftsAndSlackerForOurHeartbeat() {
        Backoffs backoffs = new Backoffs(2_000);
        backoffs.add("t", PEER, 0, 10_000);
        backoffs.add("t", PEER, 0, 5_000);
        assertThat(backoffs.isActive("t", PEER, 9_999)).isTrue();
        assertThat(backoffs.isActive("t", PEER, 10_000)).isFalse();
        assertThat(backoffs.blocksGraft("t", PEER, 11_999)).isTrue();
        assertThat(backoffs.blocksGraft("t", PEER, 12_000)).isFalse();
        assertThat(backoffs.isActive("u", PEER, 0)).isFalse();
        backoffs.expire(12_000);
        assertThat(backoffs.expiryOf("t", PEER)).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void promisesBreakWhenTheMessageDoesNotComeInTime() {
        GossipPromises promises = new GossipPromises(3_000);
        java.util.Random random = new java.util.Random(1);
        promises.add(PEER, List.of(id(1)), random, 0);
        promises.add(PEER, List.of(id(2)), random, 0);
        promises.fulfil(id(1));
        assertThat(promises.takeBroken(2_999)).isEmpty();
        assertThat(promises.takeBroken(3_000)).containsExactly(java.util.Map.entry(PEER, 1));
        assertThat(promises.size()).isZero();
    }
}
