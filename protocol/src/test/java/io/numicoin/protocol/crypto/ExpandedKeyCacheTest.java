package io.numicoin.protocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.crypto.mldsa.ExpandedPublicKey;
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
        ExpandedPublicKey expandedA = ExpandedPublicKey.of(a.bytes().toArray());

        assertThat(cache.lookup(a)).isNull();
        cache.keep(a, expandedA);
        cache.keep(b, ExpandedPublicKey.of(b.bytes().toArray()));
        assertThat(cache.lookup(a)).isSameAs(expandedA);  // a is now the most recent
        cache.keep(c, ExpandedPublicKey.of(c.bytes().toArray()));  // evicts b, the least recent
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.lookup(b)).isNull();
        assertThat(cache.lookup(a)).isSameAs(expandedA);
        assertThat(cache.lookup(c)).isNotNull();
        assertThat(cache.hits()).isEqualTo(3);
        assertThat(cache.misses()).isEqualTo(2);
    }

    @Test
    void onlyKeysThatSignedSomethingValidAreKept() {
        ExpandedKeyCache keys = new ExpandedKeyCache(4);
        ConsensusMlDsaVerifier verifier = MlDsaProviders.consensus(keys);
        MlDsaKeyPair pair = BC.keyPair(TestSeeds.privateKey(9));
        byte[] message = "kept?".getBytes(StandardCharsets.US_ASCII);
        byte[] signature = BC.sign(pair.privateKey(), message).bytes().toArray();
        byte[] forged = signature.clone();
        forged[0] ^= 1;

        assertThat(verifier.verdict(pair.publicKey(), message, Bytes.of(forged))).isEqualTo(MlDsaVerdict.BAD_SIGNATURE);
        assertThat(keys.size()).isZero();
        assertThat(verifier.verdict(pair.publicKey(), message, Bytes.of(signature))).isEqualTo(MlDsaVerdict.VALID);
        assertThat(keys.size()).isEqualTo(1);
        assertThat(verifier.verdict(pair.publicKey(), message, Bytes.of(forged))).isEqualTo(MlDsaVerdict.BAD_SIGNATURE);
        assertThat(keys.hits()).isEqualTo(1);
        assertThat(keys.hitRatio()).isEqualTo(1.0 / 3);
    }

    @Test
    void refusesANegativeCapacity() {
        assertThatThrownBy(() -> new ExpandedKeyCache(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCacheOfNoKeysKeepsNoneAndCountsEveryCheckAsExpandingItsKey() {
        ExpandedKeyCache keys = new ExpandedKeyCache(0);
        ConsensusMlDsaVerifier verifier = MlDsaProviders.consensus(keys);
        MlDsaKeyPair pair = BC.keyPair(TestSeeds.privateKey(11));
        byte[] message = "kept nowhere".getBytes(StandardCharsets.US_ASCII);
        Bytes signature = BC.sign(pair.privateKey(), message).bytes();

        assertThat(verifier.verdict(pair.publicKey(), message, signature)).isEqualTo(MlDsaVerdict.VALID);
        assertThat(verifier.verdict(pair.publicKey(), message, signature)).isEqualTo(MlDsaVerdict.VALID);
        assertThat(keys.size()).isZero();
        assertThat(keys.hits()).isZero();
        assertThat(keys.misses()).isEqualTo(2);
        assertThat(keys.hitRatio()).isZero();
    }

    @Test
    void aVerifierWithACacheGivesTheSameVerdictsAsOneWithout() {
        ExpandedKeyCache keys = new ExpandedKeyCache(3);
        ConsensusMlDsaVerifier cached = MlDsaProviders.consensus(keys);
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
        assertThat(keys.hits()).as("five keys, three kept: some found, some not").isPositive();
        assertThat(keys.misses()).isPositive();
        assertThat(cached.toString()).contains("3 expanded keys kept");
    }
}
