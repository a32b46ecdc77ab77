package io.numicoin.protocol.pow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Argon2id against RFC 9106 and Bouncy Castle, for every {@link Argon2Kernel}. The module's tests run
 * with {@code --add-modules jdk.incubator.vector}, so the vector kernel runs wherever the CPU has
 * 256-bit vectors.
 */
class Argon2idTest {

    /** The kernel, when this JVM can run it (the vector one needs AVX2 or wider). */
    private static Argon2Kernel runnable(Argon2Kernel kernel) {
        assumeTrue(kernel.available(), () -> kernel + ": " + kernel.unavailableReason());
        return kernel;
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    private static byte[] bouncyCastle(int m, int t, int p, byte[] password, byte[] salt, byte[] secret, byte[] ad, int outLength) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(m).withIterations(t).withParallelism(p)
                .withSalt(salt).withSecret(secret).withAdditional(ad)
                .build());
        byte[] out = new byte[outLength];
        generator.generateBytes(password, out);
        return out;
    }

    /** RFC 9106 §5.3. */
    @ParameterizedTest
    @EnumSource(Argon2Kernel.class)
    void matchesRfc9106Argon2idTestVector(Argon2Kernel kernel) {
        byte[] tag = new byte[32];
        new Argon2id(32, 3, 4, runnable(kernel)).hash(filled(32, 1), filled(16, 2), filled(8, 3), filled(12, 4), tag);
        assertThat(HexFormat.of().formatHex(tag))
                .isEqualTo("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");
    }

    @ParameterizedTest
    @EnumSource(Argon2Kernel.class)
    void matchesBouncyCastleOnSeededRandomInputsAndParameters(Argon2Kernel kernel) {
        runnable(kernel);
        Random random = new Random(9106);
        for (int trial = 0; trial < 60; trial++) {
            int p = new int[] {1, 1, 2, 3, 4}[random.nextInt(5)];
            int t = 1 + random.nextInt(3);
            int m = 8 * p + random.nextInt(trial < 50 ? 64 : 600);
            byte[] password = randomBytes(random, random.nextInt(200));
            byte[] salt = randomBytes(random, 8 + random.nextInt(40));
            byte[] secret = randomBytes(random, random.nextBoolean() ? 0 : random.nextInt(40));
            byte[] ad = randomBytes(random, random.nextBoolean() ? 0 : random.nextInt(40));
            int outLength = 4 + random.nextInt(trial % 3 == 0 ? 300 : 60);

            byte[] actual = new byte[outLength];
            new Argon2id(m, t, p, kernel).hash(password, salt, secret, ad, actual);
            assertThat(actual).as("trial %d: m=%d t=%d p=%d T=%d", trial, m, t, p, outLength)
                    .isEqualTo(bouncyCastle(m, t, p, password, salt, secret, ad, outLength));
        }
    }

    @ParameterizedTest
    @CsvSource({"4096, 1, 1, SCALAR", "1024, 2, 2, SCALAR", "2048, 1, 4, SCALAR", "520, 3, 4, SCALAR",
        "4096, 1, 1, VECTOR_256", "1024, 2, 2, VECTOR_256", "2048, 1, 4, VECTOR_256", "520, 3, 4, VECTOR_256"})
    void matchesBouncyCastleAtLargerMemoryAndReusesItsBuffers(int m, int t, int p, Argon2Kernel kernel) {
        Random random = new Random(m * 31L + t * 7L + p);
        Argon2id hasher = new Argon2id(m, t, p, runnable(kernel));
        byte[] firstPassword = randomBytes(random, 128);
        byte[] firstSalt = randomBytes(random, 16);
        byte[] first = hasher.hash(firstPassword, firstSalt, 32);
        for (int i = 0; i < 3; i++) {
            byte[] password = randomBytes(random, 128);
            byte[] salt = randomBytes(random, 16);
            assertThat(hasher.hash(password, salt, 32))
                    .isEqualTo(bouncyCastle(m, t, p, password, salt, new byte[0], new byte[0], 32));
        }
        assertThat(hasher.hash(firstPassword, firstSalt, 32)).isEqualTo(first);
        assertThat(first).isEqualTo(bouncyCastle(m, t, p, firstPassword, firstSalt, new byte[0], new byte[0], 32));
    }

    @Test
    void roundsMemoryDownToAMultipleOfFourLanesButHashesTheRequestedSize() {
        byte[] password = filled(10, 9);
        byte[] salt = filled(16, 8);
        byte[] at37 = new Argon2id(37, 1, 2).hash(password, salt, 32);
        byte[] at32 = new Argon2id(32, 1, 2).hash(password, salt, 32);
        assertThat(at37).isNotEqualTo(at32)
                .isEqualTo(bouncyCastle(37, 1, 2, password, salt, new byte[0], new byte[0], 32));
    }

    /** Both kernels on the same seeded inputs at mainnet cost (4 MiB), hash after hash on one hasher each. */
    @Test
    void vectorKernelGivesTheScalarTagsAtMainnetCost() {
        Argon2id vector = new Argon2id(PowParams.MAINNET.memoryKiB(), PowParams.MAINNET.iterations(),
                PowParams.MAINNET.parallelism(), runnable(Argon2Kernel.VECTOR_256));
        Argon2id scalar = new Argon2id(PowParams.MAINNET.memoryKiB(), PowParams.MAINNET.iterations(),
                PowParams.MAINNET.parallelism(), Argon2Kernel.SCALAR);
        Random random = new Random(204);
        for (int i = 0; i < 8; i++) {
            byte[] password = randomBytes(random, 128);
            byte[] salt = randomBytes(random, 16);
            assertThat(vector.hash(password, salt, 32)).as("input %d", i).isEqualTo(scalar.hash(password, salt, 32));
        }
        assertThat(vector.kernel()).isEqualTo(Argon2Kernel.VECTOR_256);
    }

    /** The module's tests add jdk.incubator.vector: only a CPU without 256-bit vectors leaves the scalar kernel. */
    @Test
    void fastestIsTheVectorKernelWhenTheModuleIsThere() {
        assertThat(ModuleLayer.boot().findModule("jdk.incubator.vector")).as("surefire's argLine adds the module").isPresent();
        assertThat(Argon2Kernel.SCALAR.available()).isTrue();
        assertThat(Argon2Kernel.fastest()).isEqualTo(Argon2Kernel.VECTOR_256.available() ? Argon2Kernel.VECTOR_256 : Argon2Kernel.SCALAR);
        assertThat(new Argon2id(16, 1, 1).kernel()).isEqualTo(Argon2Kernel.fastest());
    }

    @Test
    void rejectsInvalidParameters() {
        assertThatThrownBy(() -> new Argon2id(15, 1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Argon2id(16, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Argon2id(16, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Argon2id(Argon2id.MAX_MEMORY_KIB + 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        Argon2id hasher = new Argon2id(16, 1, 1);
        assertThatThrownBy(() -> hasher.hash(new byte[1], new byte[7], 32)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> hasher.hash(new byte[1], new byte[8], 3)).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
