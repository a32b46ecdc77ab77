package io.numicoin.miner.pow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.pow.PowParams;
import io.numicoin.support.argon2.Argon2Mode;
import io.numicoin.support.argon2.NativeArgon2;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NativeArgon2Test {

    private static final NativeArgon2 library = NativeArgon2.loadIfPresent().orElse(null);

    private static void requireLibrary() {
        Assumptions.assumeTrue(library != null,
                "skipped: " + NativeArgon2.LIBRARY + " is not installed (apt-get install libargon2-1) — the native path cannot be compared");
    }

    @ParameterizedTest
    @ValueSource(strings = {"regtest", "mainnet"})
    void nativeAndJavaGiveIdenticalPowHashes(String network) {
        requireLibrary();
        PowParams params = network.equals("regtest") ? PowParams.REGTEST : PowParams.MAINNET;
        PowHasher java = new JavaPowHasher(params);
        PowHasher nativeHasher = new NativePowHasher(library, params);
        Random random = new Random(20261125L);
        int headers = network.equals("regtest") ? 200 : 10;
        for (int i = 0; i < headers; i++) {
            byte[] header = new byte[128];
            random.nextBytes(header);
            Hash256 expected = java.powHash(header);
            assertThat(nativeHasher.powHash(header)).as("header %d", i).isEqualTo(expected);
        }
    }

    @Test
    void aKnownHeaderHashesTheSameEitherWay() {
        requireLibrary();
        byte[] header = new byte[128];
        for (int i = 0; i < header.length; i++) {
            header[i] = (byte) i;
        }
        Hash256 viaFactory = PowHashers.factory(Argon2Mode.NATIVE, PowParams.REGTEST).get().powHash(header);
        assertThat(viaFactory).isEqualTo(new JavaPowHasher(PowParams.REGTEST).powHash(header));
    }

    @Test
    void aWrongSizedHeaderIsRefused() {
        requireLibrary();
        assertThatThrownBy(() -> new NativePowHasher(library, PowParams.REGTEST).powHash(new byte[127]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("128");
    }
}
