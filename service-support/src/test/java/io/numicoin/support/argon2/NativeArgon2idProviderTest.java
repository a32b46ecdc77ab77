package io.numicoin.support.argon2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.pow.Argon2Kernel;
import io.numicoin.protocol.pow.Argon2idProvider;
import io.numicoin.protocol.pow.PowParams;
import io.numicoin.protocol.pow.header.ProofOfWork;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * libargon2 through FFM gives the protocol's pure-Java Argon2id tags and proof-of-work hashes on
 * seeded inputs; skipped only where {@value NativeArgon2#LIBRARY} is not installed.
 */
class NativeArgon2idProviderTest {

    private static final NativeArgon2 library = NativeArgon2.loadIfPresent().orElse(null);

    private static void requireLibrary() {
        Assumptions.assumeTrue(library != null,
                "skipped: " + NativeArgon2.LIBRARY + " is not installed (apt-get install libargon2-1): nothing native to compare");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void nativeAndJavaGiveIdenticalTagsOnSeededInputs(long seed) {
        requireLibrary();
        Random random = new Random(seed);
        PowParams params = seed % 4 == 0 ? PowParams.MAINNET : PowParams.REGTEST;
        Argon2idProvider.Function java = Argon2idProvider.JAVA.create(params);
        Argon2idProvider.Function nativeArgon2 = new NativeArgon2idProvider(library).create(params);
        for (int i = 0; i < 20; i++) {
            byte[] password = new byte[1 + random.nextInt(BlockHeaderCodec.SIZE)];
            byte[] salt = new byte[8 + random.nextInt(ProofOfWork.SALT_BYTES - 7)];
            random.nextBytes(password);
            random.nextBytes(salt);
            byte[] expected = new byte[ProofOfWork.ARGON2_OUTPUT_BYTES];
            byte[] actual = new byte[ProofOfWork.ARGON2_OUTPUT_BYTES];
            java.hash(password, salt, expected);
            nativeArgon2.hash(password, salt, actual);
            assertThat(actual).as("seed %d, input %d", seed, i).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"regtest", "mainnet"})
    void proofOfWorkHashesAgreeOnSeededHeaders(String network) {
        requireLibrary();
        PowParams params = network.equals("regtest") ? PowParams.REGTEST : PowParams.MAINNET;
        ProofOfWork java = new ProofOfWork(params);
        ProofOfWork nativePow = new ProofOfWork(params, new NativeArgon2idProvider(library));
        Random random = new Random(20261206L);
        for (int i = 0; i < 30; i++) {
            byte[] header = new byte[BlockHeaderCodec.SIZE];
            random.nextBytes(header);
            assertThat(nativePow.powHash(header)).as("header %d", i).isEqualTo(java.powHash(header));
        }
    }

    @Test
    void autoTakesTheVectorKernelElseTheNativeOneAndJavaIsJava() {
        requireLibrary();
        assertThat(Argon2idProviders.choose(Argon2Mode.AUTO, "test", Argon2Kernel.SCALAR).name()).isEqualTo("native");
        assertThat(Argon2idProviders.choose(Argon2Mode.NATIVE, "test").name()).isEqualTo("native");
        assertThat(Argon2idProviders.choose(Argon2Mode.JAVA, "test")).isSameAs(Argon2idProvider.JAVA);
        Argon2idProvider scalar = Argon2idProviders.choose(Argon2Mode.JAVA, "test", Argon2Kernel.SCALAR);
        assertThat(scalar.name()).isEqualTo("java");
        assertThat(scalar).hasToString("java (SCALAR)");
        // this module's tests add jdk.incubator.vector: where the CPU has 256-bit vectors, auto is the vector kernel
        Assumptions.assumeTrue(Argon2Kernel.VECTOR_256.available(), Argon2Kernel.VECTOR_256::unavailableReason);
        assertThat(Argon2idProviders.choose(Argon2Mode.AUTO, "test")).isSameAs(Argon2idProvider.JAVA)
                .hasToString("java (VECTOR_256)");
    }

    @Test
    void oversizedInputsAreRefused() {
        requireLibrary();
        Argon2idProvider.Function function = new NativeArgon2idProvider(library).create(PowParams.REGTEST);
        assertThatThrownBy(() -> function.hash(new byte[BlockHeaderCodec.SIZE + 1], new byte[16], new byte[32]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("128");
    }

    @Test
    void aHeaderOfTheProtocolHashesTheSameEitherWay() {
        requireLibrary();
        BlockHeader genesis = io.numicoin.protocol.params.NetworkParams.regtest().genesis().header();
        assertThat(new ProofOfWork(PowParams.REGTEST, Argon2idProviders.choose(Argon2Mode.AUTO, "test")).powHash(genesis))
                .isEqualTo(new ProofOfWork(PowParams.REGTEST).powHash(genesis));
    }
}
