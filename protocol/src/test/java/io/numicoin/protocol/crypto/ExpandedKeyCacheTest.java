package io.numicoin.protocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.protocol.bytes.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The expanded-key cache: bounded, least recently used out first, counted, and verdicts unchanged through it. */
class ExpandedKeyCacheTest {

    private static final MlDsaProvider BC = MlDsaProviders.bouncyCastle();

    @Test
    void keepsTheMostRecentlyUsedKeysUpToItsCapacity() {
        MlDsaPublicKey a = BC.publicKey(TestSeeds.privateKey(1));
        MlDsaPublicKey b = BC.publicKey(TestSeeds.privateKey(2));
        MlDsaPublicKey c = BC.publicKey(TestSeeds.privateKey(3));
        ExpandedKeyCache cache = new ExpandedKeyCache(2);

        var first = cache.expanded(a);
        cache.expanded(b);
        assertThat(cache.expanded(a)).isSameAs(first);  // a is now the most recent
        cache.expanded(c);                              // evicts b, the least recent
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.expanded(a)).isSameAs(first);
        assertThat(cache.hits()).isEqualTo(2);
        assertThat(cache.misses()).isEqualTo(3);
        cache.expanded(b);                              // b was evicted: expanded again
        assertThat(cache.misses()).isEqualTo(4);
    }

    @Test
    void refusesAnEmptyCache() {
        assertThatThrownBy(() -> new ExpandedKeyCache(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aVerifierWithACacheGivesTheSameVerdictsAsOneWithout() {
        ConsensusMlDsaVerifier cached = MlDsaProviders.consensus(new ExpandedKeyCache(3));
        Random random = new Random(37L);
        MlDsaKeyPair[] pairs = new MlDsaKeyPair[5];  // more keys than the cache holds: hits and misses
        for (int i = 0; i < pairs.length; i++) {
            pairs[i] = BC.keyPair(TestSeeds.privateKey(40 + i));
        }
        for (int round = 0; round < 120; round++) {
            MlDsaKeyPair pair = pairs[random.nextInt(pairs.length)];
            byte[] message = ("cached " + round).getBytes(StandardCharsets.US_ASCII);
            byte[] signature = BC.sign(pair.privateKey(), message).bytes().toArray();
            if (round % 2 == 1) {
                signature[random.nextInt(signature.length)] ^= (byte) (1 << random.nextInt(8));
            }
            MlDsaPublicKey key = round % 7 == 3 ? pairs[(round + 1) % pairs.length].publicKey() : pair.publicKey();
            assertThat(cached.verdict(key, message, Bytes.of(signature)))
                    .as("round %d", round)
                    .isEqualTo(MlDsaProviders.consensus().verdict(key, message, Bytes.of(signature)));
        }
        assertThat(cached.toString()).contains("3 expanded keys kept");
    }
}
