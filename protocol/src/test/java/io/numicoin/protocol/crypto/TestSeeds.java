package io.numicoin.protocol.crypto;

import io.numicoin.protocol.bytes.Bytes;
import java.util.Arrays;

/** Fixed ML-DSA-65 seeds for tests: seed {@code n} is the byte {@code n} repeated 32 times. */
public final class TestSeeds {

    private TestSeeds() {
    }

    public static MlDsaPrivateKey privateKey(int n) {
        byte[] seed = new byte[MlDsaPrivateKey.SIZE];
        Arrays.fill(seed, (byte) n);
        return new MlDsaPrivateKey(Bytes.of(seed));
    }
}
