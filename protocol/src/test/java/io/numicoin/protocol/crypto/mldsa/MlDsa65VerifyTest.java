package io.numicoin.protocol.crypto.mldsa;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.crypto.MlDsaKeyPair;
import io.numicoin.protocol.crypto.MlDsaPrivateKey;
import io.numicoin.protocol.crypto.MlDsaProvider;
import io.numicoin.protocol.crypto.MlDsaProviders;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The in-tree verifier against Bouncy Castle's on seeded random keys, messages and corruptions: it
 * must accept every signature Bouncy Castle makes and give Bouncy Castle's verdict on every changed
 * signature, key and message (the verdicts of consensus: docs/decisions.md, "ML-DSA-65 verified in-tree").
 */
class MlDsa65VerifyTest {

    private static final MlDsaProvider BC = MlDsaProviders.bouncyCastle();
    private static final int KEYS = 12;

    private static MlDsaKeyPair[] pairs;

    @BeforeAll
    static void keys() {
        Random random = new Random(65L);
        pairs = new MlDsaKeyPair[KEYS];
        for (int i = 0; i < KEYS; i++) {
            byte[] seed = new byte[MlDsaPrivateKey.SIZE];
            random.nextBytes(seed);
            pairs[i] = BC.keyPair(new MlDsaPrivateKey(Bytes.of(seed)));
        }
    }

    @Test
    void acceptsEverySignatureBouncyCastleMakes() {
        Random random = new Random(204L);
        for (int round = 0; round < 300; round++) {
            MlDsaKeyPair pair = pairs[round % KEYS];
            byte[] message = new byte[round < 3 ? round : random.nextInt(600)];
            random.nextBytes(message);
            byte[] signature = BC.sign(pair.privateKey(), message).bytes().toArray();
            assertThat(MlDsa65Verify.verify(key(pair), message, signature)).as("round %d", round).isTrue();
        }
    }

    @Test
    void givesBouncyCastlesVerdictOnCorruptedSignatures() {
        Random random = new Random(205L);
        int[] regions = {0, 48, 48 + 5 * 640, MlDsa65Verify.SIGNATURE_BYTES};  // c̃, z, hints
        int accepted = 0;
        for (int round = 0; round < 600; round++) {
            MlDsaKeyPair pair = pairs[round % KEYS];
            byte[] message = ("corrupted " + round).getBytes();
            byte[] signature = BC.sign(pair.privateKey(), message).bytes().toArray();
            int region = round % 3;
            int position = regions[region] + random.nextInt(regions[region + 1] - regions[region]);
            switch (random.nextInt(3)) {
                case 0 -> signature[position] ^= (byte) (1 << random.nextInt(8));
                case 1 -> signature[position] = (byte) random.nextInt(256);
                default -> signature[position] = (byte) random.nextInt(64);  // small values: plausible hint bytes
            }
            boolean expected = BouncyCastleVerdict.of(key(pair), message, signature);
            accepted += expected ? 1 : 0;
            assertThat(MlDsa65Verify.verify(key(pair), message, signature))
                    .as("round %d: byte %d of region %d", round, position, region).isEqualTo(expected);
        }
        // a changed hint byte can leave the signature valid (an unused slot set to what it held, a z flip the hint absorbs never)
        assertThat(accepted).isLessThan(60);
    }

    @Test
    void rejectsAnotherMessageAnotherKeyAndAChangedKey() {
        Random random = new Random(206L);
        for (int round = 0; round < 60; round++) {
            MlDsaKeyPair pair = pairs[round % KEYS];
            byte[] message = ("message " + round).getBytes();
            byte[] signature = BC.sign(pair.privateKey(), message).bytes().toArray();

            byte[] other = message.clone();
            other[random.nextInt(other.length)] ^= 1;
            assertThat(MlDsa65Verify.verify(key(pair), other, signature)).isFalse();
            assertThat(MlDsa65Verify.verify(key(pairs[(round + 1) % KEYS]), message, signature)).isFalse();

            byte[] changedKey = key(pair);
            changedKey[random.nextInt(changedKey.length)] ^= (byte) (1 << random.nextInt(8));
            assertThat(MlDsa65Verify.verify(changedKey, message, signature))
                    .isEqualTo(BouncyCastleVerdict.of(changedKey, message, signature)).isFalse();
        }
    }

    @Test
    void rejectsWrongLengths() {
        MlDsaKeyPair pair = pairs[0];
        byte[] message = {1, 2, 3};
        byte[] signature = BC.sign(pair.privateKey(), message).bytes().toArray();
        assertThat(MlDsa65Verify.verify(key(pair), message, signature)).isTrue();
        assertThat(MlDsa65Verify.verify(key(pair), message, Arrays.copyOf(signature, signature.length - 1))).isFalse();
        assertThat(MlDsa65Verify.verify(key(pair), message, Arrays.copyOf(signature, signature.length + 1))).isFalse();
        assertThat(MlDsa65Verify.verify(Arrays.copyOf(key(pair), 1951), message, signature)).isFalse();
        assertThat(MlDsa65Verify.verify(new byte[0], message, new byte[0])).isFalse();
    }

    @Test
    void useHintFollowsDecomposeAtTheEdges() {
        int gamma2 = (Ntt.Q - 1) / 32;
        assertThat(MlDsa65Verify.useHint(false, 0)).isZero();
        assertThat(MlDsa65Verify.useHint(true, 0)).isEqualTo(15);               // r0 = 0 ≤ 0: r1 − 1 mod 16
        assertThat(MlDsa65Verify.useHint(false, gamma2)).isZero();              // r0 = γ2 stays in the low part
        assertThat(MlDsa65Verify.useHint(false, gamma2 + 1)).isEqualTo(1);
        assertThat(MlDsa65Verify.useHint(true, gamma2)).isEqualTo(1);           // r0 = γ2 > 0: r1 + 1
        assertThat(MlDsa65Verify.useHint(false, Ntt.Q - 1)).isZero();           // r+ − r0 = q − 1: r1 = 0, r0 − 1
        assertThat(MlDsa65Verify.useHint(true, Ntt.Q - 1)).isEqualTo(15);       // r0 = −1 ≤ 0
        assertThat(MlDsa65Verify.useHint(false, 15 * 2 * gamma2)).isEqualTo(15);
        assertThat(MlDsa65Verify.useHint(true, 15 * 2 * gamma2 + 1)).isZero();  // r1 + 1 wraps to 0
    }

    private static byte[] key(MlDsaKeyPair pair) {
        return pair.publicKey().bytes().toArray();
    }
}
