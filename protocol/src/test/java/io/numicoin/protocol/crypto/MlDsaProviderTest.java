package io.numicoin.protocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.protocol.bytes.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MlDsaProviderTest {

    private static final byte[] MESSAGE = "numi transfer 42".getBytes(StandardCharsets.US_ASCII);

    static List<MlDsaProvider> providers() {
        return Providers.both();
    }

    @Test
    void preferredIsTheConsensusVerifierAndBothLibrariesLoad() {
        assertThat(MlDsaProviders.preferred().name()).isEqualTo("consensus");
        assertThat(MlDsaProviders.jdk()).isPresent();
        assertThat(MlDsaProviders.preferred()).isSameAs(MlDsaProviders.preferred());
        assertThat(MlDsaProviders.bouncyCastle().name()).isEqualTo("bc");
    }

    @Test
    void jdkAndBouncyCastleDeriveTheSamePublicKeys() {
        for (int n = 0; n < 8; n++) {
            MlDsaPrivateKey key = TestSeeds.privateKey(n * 31 + 7);
            assertThat(Providers.JDK.publicKey(key)).isEqualTo(Providers.BC.publicKey(key));
        }
    }

    @Test
    void deterministicSignaturesAreByteIdenticalAcrossImplementations() {
        MlDsaPrivateKey key = TestSeeds.privateKey(11);
        MlDsaSignature jdk = Providers.JDK.sign(key, MESSAGE);
        MlDsaSignature bc = Providers.BC.sign(key, MESSAGE);

        assertThat(jdk).isEqualTo(bc);
        assertThat(Providers.JDK.sign(key, MESSAGE)).isEqualTo(jdk);
        assertThat(Providers.JDK.sign(key, "another".getBytes(StandardCharsets.US_ASCII))).isNotEqualTo(jdk);
    }

    @Test
    void eachImplementationVerifiesTheOthersSignatures() {
        MlDsaKeyPair pair = Providers.JDK.keyPair(TestSeeds.privateKey(12));
        byte[] other = "a different message".getBytes(StandardCharsets.US_ASCII);
        MlDsaSignature byJdk = Providers.JDK.sign(pair.privateKey(), MESSAGE);
        MlDsaSignature byBc = Providers.BC.sign(pair.privateKey(), other);

        assertThat(Providers.BC.verify(pair.publicKey(), MESSAGE, byJdk)).isTrue();
        assertThat(Providers.JDK.verify(pair.publicKey(), other, byBc)).isTrue();
        assertThat(Providers.BC.verify(pair.publicKey(), other, byJdk)).isFalse();
        assertThat(Providers.JDK.verify(pair.publicKey(), MESSAGE, byBc)).isFalse();
    }

    @ParameterizedTest
    @MethodSource("providers")
    void tamperedMessageSignatureOrKeyIsRejected(MlDsaProvider provider) {
        MlDsaKeyPair pair = provider.keyPair(TestSeeds.privateKey(13));
        MlDsaPublicKey otherKey = provider.publicKey(TestSeeds.privateKey(14));
        MlDsaSignature signature = provider.sign(pair.privateKey(), MESSAGE);
        assertThat(provider.verify(pair.publicKey(), MESSAGE, signature)).isTrue();

        Random random = new Random(204L);
        for (int round = 0; round < 12; round++) {
            byte[] message = MESSAGE.clone();
            message[random.nextInt(message.length)] ^= (byte) (1 << random.nextInt(8));
            assertThat(provider.verify(pair.publicKey(), message, signature)).as("flipped message bit").isFalse();

            assertThat(provider.verify(pair.publicKey(), MESSAGE, flipBit(signature.bytes(), random, MlDsaSignature::new)))
                    .as("flipped signature bit").isFalse();
            assertThat(provider.verify(flipBit(pair.publicKey().bytes(), random, MlDsaPublicKey::new), MESSAGE, signature))
                    .as("flipped key bit").isFalse();
        }
        assertThat(provider.verify(otherKey, MESSAGE, signature)).isFalse();
        assertThat(provider.verify(pair.publicKey(), new byte[0], signature)).isFalse();
        byte[] longer = Arrays.copyOf(MESSAGE, MESSAGE.length + 1);
        assertThat(provider.verify(pair.publicKey(), longer, signature)).isFalse();
    }

    @ParameterizedTest
    @MethodSource("providers")
    void garbageKeysAndSignaturesAreRejectedWithoutThrowing(MlDsaProvider provider) {
        MlDsaKeyPair pair = provider.keyPair(TestSeeds.privateKey(15));
        MlDsaSignature good = provider.sign(pair.privateKey(), MESSAGE);
        Random random = new Random(3309L);
        List<MlDsaSignature> badSignatures = new ArrayList<>(List.of(
                new MlDsaSignature(Bytes.of(new byte[MlDsaSignature.SIZE])),
                new MlDsaSignature(Bytes.of(filled(MlDsaSignature.SIZE, (byte) 0xff)))));
        List<MlDsaPublicKey> badKeys = new ArrayList<>(List.of(
                new MlDsaPublicKey(Bytes.of(new byte[MlDsaPublicKey.SIZE])),
                new MlDsaPublicKey(Bytes.of(filled(MlDsaPublicKey.SIZE, (byte) 0xff)))));
        for (int i = 0; i < 30; i++) {
            badSignatures.add(new MlDsaSignature(Bytes.of(randomBytes(random, MlDsaSignature.SIZE))));
            badKeys.add(new MlDsaPublicKey(Bytes.of(randomBytes(random, MlDsaPublicKey.SIZE))));
            // A real signature whose hint bytes (the last 61) are garbage: malformed hint encoding.
            byte[] hint = good.bytes().toArray();
            for (int j = hint.length - 61; j < hint.length; j++) {
                hint[j] = (byte) random.nextInt(256);
            }
            badSignatures.add(new MlDsaSignature(Bytes.of(hint)));
        }
        for (MlDsaSignature bad : badSignatures) {
            assertThat(provider.verify(pair.publicKey(), MESSAGE, bad)).isFalse();
        }
        for (MlDsaPublicKey bad : badKeys) {
            assertThat(provider.verify(bad, MESSAGE, good)).isFalse();
            assertThat(provider.verify(bad, MESSAGE, badSignatures.get(2))).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("providers")
    void verificationIsThreadSafe(MlDsaProvider provider) throws Exception {
        int count = 24;
        List<MlDsaPublicKey> keys = new ArrayList<>();
        List<byte[]> messages = new ArrayList<>();
        List<MlDsaSignature> signatures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            MlDsaKeyPair pair = provider.keyPair(TestSeeds.privateKey(100 + i % 4));
            byte[] message = ("message " + i).getBytes(StandardCharsets.US_ASCII);
            keys.add(pair.publicKey());
            messages.add(message);
            signatures.add(provider.sign(pair.privateKey(), message));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int round = 0; round < 8; round++) {
                for (int i = 0; i < count; i++) {
                    int index = i;
                    int wrong = (i + 1) % count;
                    results.add(pool.submit(() -> provider.verify(keys.get(index), messages.get(index), signatures.get(index))));
                    results.add(pool.submit(() -> !provider.verify(keys.get(index), messages.get(wrong), signatures.get(index))));
                }
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void privateKeyToStringHidesTheSeed() {
        MlDsaPrivateKey key = TestSeeds.privateKey(0xab);
        MlDsaKeyPair pair = Providers.BC.keyPair(key);

        assertThat(key.toString()).doesNotContain("abab").contains("redacted");
        assertThat(pair.toString()).doesNotContain("abababab");
    }

    @Test
    void privateKeyMustBe32Bytes() {
        assertThatThrownBy(() -> new MlDsaPrivateKey(Bytes.of(new byte[31])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static <T> T flipBit(Bytes bytes, Random random, Function<Bytes, T> wrap) {
        byte[] copy = bytes.toArray();
        copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
        return wrap.apply(Bytes.of(copy));
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] out = new byte[length];
        random.nextBytes(out);
        return out;
    }

    private static byte[] filled(int length, byte value) {
        byte[] out = new byte[length];
        Arrays.fill(out, value);
        return out;
    }
}
