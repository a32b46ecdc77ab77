package io.numicoin.protocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.crypto.mldsa.MlDsa65Verify;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.bouncycastle.crypto.params.MLDSAParameters;
import org.bouncycastle.crypto.params.MLDSAPublicKeyParameters;
import org.bouncycastle.crypto.signers.MLDSASigner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Differential test of the JDK's ML-DSA-65, Bouncy Castle's, the in-tree arithmetic alone and the consensus verifier on crafted
 * malformed signatures (FIPS 204 sigDecode and the z bound). Each case starts from a real signature
 * and changes only its encoding; the decided outcome is "invalid" for every case, with the typed
 * reason the consensus verifier gives. Both libraries are called on the raw bytes, so truncated and
 * oversized encodings reach them too.
 */
class ConsensusMlDsaDifferentialTest {

    private static final int HINTS = MlDsaSignatureEncoding.HINT_OFFSET;
    private static final int OMEGA = MlDsaSignatureEncoding.OMEGA;
    private static final int K = MlDsaSignatureEncoding.K;

    private static MlDsaKeyPair pair;
    private static byte[] message;
    private static byte[] signature;

    /** A real signature with room for padding (fewer than ω hints) and two hints in one polynomial. */
    @BeforeAll
    static void signSomethingWithUsefulHints() {
        pair = Providers.BC.keyPair(TestSeeds.privateKey(77));
        for (int n = 0; ; n++) {
            byte[] candidate = ("differential " + n).getBytes(StandardCharsets.US_ASCII);
            byte[] signed = Providers.BC.sign(pair.privateKey(), candidate).bytes().toArray();
            if (count(signed, K - 1) < OMEGA && count(signed, K - 2) > 0 && polynomialWithTwoHints(signed) >= 0) {
                message = candidate;
                signature = signed;
                return;
            }
        }
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("hint padding not zero", MlDsaVerdict.HINT_PADDING_NOT_ZERO, (UnaryOperator<byte[]>) s -> {
                    s[HINTS + count(s, K - 1)] = 1;
                    return s;
                }),
                Arguments.of("hint indexes swapped in one polynomial", MlDsaVerdict.HINT_INDEX_NOT_INCREASING, (UnaryOperator<byte[]>) s -> {
                    int first = firstHintOf(s, polynomialWithTwoHints(s));
                    byte a = s[HINTS + first];
                    s[HINTS + first] = s[HINTS + first + 1];
                    s[HINTS + first + 1] = a;
                    return s;
                }),
                Arguments.of("hint index repeated in one polynomial", MlDsaVerdict.HINT_INDEX_NOT_INCREASING, (UnaryOperator<byte[]>) s -> {
                    int first = firstHintOf(s, polynomialWithTwoHints(s));
                    s[HINTS + first + 1] = s[HINTS + first];
                    return s;
                }),
                Arguments.of("hint count over omega", MlDsaVerdict.HINT_COUNT_INVALID, (UnaryOperator<byte[]>) s -> {
                    s[HINTS + OMEGA + K - 1] = (byte) (OMEGA + 1);
                    return s;
                }),
                Arguments.of("hint counts decreasing", MlDsaVerdict.HINT_COUNT_INVALID, (UnaryOperator<byte[]>) s -> {
                    int poly = 0;
                    while (count(s, poly) == 0) {
                        poly++;
                    }
                    s[HINTS + OMEGA + poly + 1] = (byte) (count(s, poly) - 1);
                    return s;
                }),
                Arguments.of("z at its bound gamma1 - beta", MlDsaVerdict.Z_OUT_OF_BOUND, (UnaryOperator<byte[]>) s -> {
                    setZ(s, 3, MlDsaSignatureEncoding.GAMMA1 - MlDsaSignatureEncoding.BETA);
                    return s;
                }),
                Arguments.of("z at minus its bound", MlDsaVerdict.Z_OUT_OF_BOUND, (UnaryOperator<byte[]>) s -> {
                    setZ(s, 1000, -(MlDsaSignatureEncoding.GAMMA1 - MlDsaSignatureEncoding.BETA));
                    return s;
                }),
                Arguments.of("z at gamma1 (encoded 0)", MlDsaVerdict.Z_OUT_OF_BOUND, (UnaryOperator<byte[]>) s -> {
                    setZ(s, 256, MlDsaSignatureEncoding.GAMMA1);
                    return s;
                }),
                Arguments.of("z just inside its bound", MlDsaVerdict.BAD_SIGNATURE, (UnaryOperator<byte[]>) s -> {
                    setZ(s, 7, MlDsaSignatureEncoding.GAMMA1 - MlDsaSignatureEncoding.BETA - 1);
                    return s;
                }),
                Arguments.of("truncated by one byte", MlDsaVerdict.WRONG_LENGTH,
                        (UnaryOperator<byte[]>) s -> Arrays.copyOf(s, s.length - 1)),
                Arguments.of("truncated to the challenge", MlDsaVerdict.WRONG_LENGTH,
                        (UnaryOperator<byte[]>) s -> Arrays.copyOf(s, MlDsaSignatureEncoding.C_TILDE_BYTES)),
                Arguments.of("one zero byte appended", MlDsaVerdict.WRONG_LENGTH,
                        (UnaryOperator<byte[]>) s -> Arrays.copyOf(s, s.length + 1)),
                Arguments.of("a second signature appended", MlDsaVerdict.WRONG_LENGTH, (UnaryOperator<byte[]>) s -> {
                    byte[] doubled = Arrays.copyOf(s, s.length * 2);
                    System.arraycopy(s, 0, doubled, s.length, s.length);
                    return doubled;
                }),
                Arguments.of("empty", MlDsaVerdict.WRONG_LENGTH, (UnaryOperator<byte[]>) s -> new byte[0]));
    }

    @Test
    void theUnchangedSignatureIsValidEverywhere() {
        assertThat(MlDsaProviders.consensus().verdict(pair.publicKey(), message, Bytes.of(signature))).isEqualTo(MlDsaVerdict.VALID);
        assertThat(jdkVerifies(signature)).isTrue();
        assertThat(bouncyCastleVerifies(signature)).isTrue();
        assertThat(inTreeVerifies(signature)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void everyVerifierRejectsAndConsensusNamesTheReason(String name, MlDsaVerdict expected, UnaryOperator<byte[]> mutation) {
        byte[] mutated = mutation.apply(signature.clone());

        assertThat(MlDsaProviders.consensus().verdict(pair.publicKey(), message, Bytes.of(mutated))).isEqualTo(expected);
        if (mutated.length == MlDsaSignature.SIZE) {
            assertThat(MlDsaProviders.consensus().verify(pair.publicKey(), message, new MlDsaSignature(Bytes.of(mutated)))).isFalse();
        }
        assertThat(jdkVerifies(mutated)).as("JDK provider on: %s", name).isFalse();
        assertThat(bouncyCastleVerifies(mutated)).as("Bouncy Castle on: %s", name).isFalse();
        assertThat(inTreeVerifies(mutated)).as("the in-tree arithmetic alone on: %s", name).isFalse();
    }

    @Test
    void preferredIsTheConsensusVerifier() {
        assertThat(MlDsaProviders.preferred()).isSameAs(MlDsaProviders.consensus());
        assertThat(MlDsaProviders.consensus().name()).isEqualTo("consensus");
    }

    @Test
    void randomHintBytesAgreeAcrossVerifiers() {
        java.util.Random random = new java.util.Random(204L);
        for (int round = 0; round < 60; round++) {
            byte[] mutated = signature.clone();
            int slot = HINTS + random.nextInt(OMEGA + K);
            mutated[slot] = (byte) random.nextInt(OMEGA + 2);
            boolean consensus = MlDsaProviders.consensus().verdict(pair.publicKey(), message, Bytes.of(mutated)).isValid();
            assertThat(jdkVerifies(mutated)).as("round %d, JDK", round).isEqualTo(consensus);
            assertThat(bouncyCastleVerifies(mutated)).as("round %d, Bouncy Castle", round).isEqualTo(consensus);
            assertThat(inTreeVerifies(mutated)).as("round %d, in-tree", round).isEqualTo(consensus);
        }
    }

    private static boolean jdkVerifies(byte[] raw) {
        try {
            KeyFactory keys = KeyFactory.getInstance("ML-DSA-65", "SUN");
            Signature verifier = Signature.getInstance("ML-DSA-65", "SUN");
            verifier.initVerify(keys.generatePublic(new X509EncodedKeySpec(MlDsaSpki.encode(pair.publicKey()))));
            verifier.update(message);
            return verifier.verify(raw);
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean bouncyCastleVerifies(byte[] raw) {
        try {
            MLDSASigner verifier = new MLDSASigner();
            verifier.init(false, new MLDSAPublicKeyParameters(MLDSAParameters.ml_dsa_65, pair.publicKey().bytes().toArray()));
            verifier.update(message, 0, message.length);
            return verifier.verifySignature(raw);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The arithmetic consensus runs, without the structural check in front of it: it must refuse on its own. */
    private static boolean inTreeVerifies(byte[] raw) {
        return MlDsa65Verify.verify(pair.publicKey().bytes().toArray(), message, raw);
    }

    private static int count(byte[] s, int polynomial) {
        return s[HINTS + OMEGA + polynomial] & 0xff;
    }

    private static int firstHintOf(byte[] s, int polynomial) {
        return polynomial == 0 ? 0 : count(s, polynomial - 1);
    }

    private static int polynomialWithTwoHints(byte[] s) {
        for (int i = 0; i < K; i++) {
            if (count(s, i) - firstHintOf(s, i) >= 2) {
                return i;
            }
        }
        return -1;
    }

    /** Writes coefficient {@code n} of z as {@code γ1 − z} in its 20-bit field. */
    private static void setZ(byte[] s, int n, int z) {
        int field = MlDsaSignatureEncoding.GAMMA1 - z;
        int offset = MlDsaSignatureEncoding.Z_OFFSET + (n / 2) * 5;
        if (n % 2 == 0) {
            s[offset] = (byte) field;
            s[offset + 1] = (byte) (field >> 8);
            s[offset + 2] = (byte) ((s[offset + 2] & 0xf0) | ((field >> 16) & 0x0f));
        } else {
            s[offset + 2] = (byte) ((s[offset + 2] & 0x0f) | ((field & 0x0f) << 4));
            s[offset + 3] = (byte) (field >> 4);
            s[offset + 4] = (byte) (field >> 12);
        }
        assertThat(MlDsaSignatureEncoding.zField(s, n)).isEqualTo(field);
    }

}
