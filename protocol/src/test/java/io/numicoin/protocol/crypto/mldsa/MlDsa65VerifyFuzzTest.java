package io.numicoin.protocol.crypto.mldsa;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.crypto.MlDsaKeyPair;
import io.numicoin.protocol.crypto.MlDsaPrivateKey;
import io.numicoin.protocol.crypto.MlDsaProvider;
import io.numicoin.protocol.crypto.MlDsaProviders;
import java.nio.charset.StandardCharsets;

/**
 * Jazzer fuzz test of the in-tree ML-DSA-65 verifier against Bouncy Castle's: a real signature, key
 * and message, then up to 16 fuzzer-chosen byte edits anywhere in the signature (or the key), or a
 * fuzzer-chosen message; both must give the same verdict. Under {@code ./mvnw test} it runs in
 * regression mode over {@code MlDsa65VerifyFuzzTestInputs/}; with {@code JAZZER_FUZZ=1} it fuzzes.
 */
class MlDsa65VerifyFuzzTest {

    private static final MlDsaProvider BC = MlDsaProviders.bouncyCastle();
    private static final MlDsaKeyPair PAIR = BC.keyPair(new MlDsaPrivateKey(Bytes.of(new byte[MlDsaPrivateKey.SIZE])));
    private static final byte[] MESSAGE = "fuzzed".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SIGNATURE = BC.sign(PAIR.privateKey(), MESSAGE).bytes().toArray();
    private static final byte[] KEY = PAIR.publicKey().bytes().toArray();

    @FuzzTest(maxDuration = "60s")
    void sameVerdictAsBouncyCastle(FuzzedDataProvider data) {
        byte[] signature = SIGNATURE.clone();
        byte[] key = KEY.clone();
        byte[] message = MESSAGE;
        int edits = data.consumeInt(0, 16);
        for (int i = 0; i < edits; i++) {
            boolean inKey = data.consumeInt(0, 7) == 0;
            byte[] target = inKey ? key : signature;
            int position = data.consumeInt(0, target.length - 1);
            target[position] = data.consumeByte();
        }
        if (data.consumeBoolean()) {
            message = data.consumeRemainingAsBytes();
        }
        assertThat(MlDsa65Verify.verify(key, message, signature)).isEqualTo(BouncyCastleVerdict.of(key, message, signature));
    }
}
