package io.numicoin.protocol.hash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.bouncycastle.crypto.digests.Blake3Digest;
import org.bouncycastle.crypto.params.Blake3Parameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The protocol's own {@link Blake3} against Bouncy Castle's {@code Blake3Digest} (an independent
 * implementation) on seeded random inputs: every length up to 3000, the chunk and block
 * boundaries and a few large inputs, inputs split into parts at random points, extended outputs
 * past one block, every {@link HashDomain} and random context strings.
 */
class Blake3AgainstBouncyCastleTest {

    private static final int[] XOF_LENGTHS = {1, 32, 64, 65, 384, 1000};

    static IntStream boundaryLengths() {
        return IntStream.of(63, 64, 65, 1023, 1024, 1025, 2048, 2049, 3072, 4096, 5000, 16384 + 1, 1 << 20);
    }

    /** Bouncy Castle's BLAKE3 in derive-key mode: the reference these tests compare with. */
    static byte[] bouncyCastle(byte[] context, int length, byte[]... parts) {
        Blake3Digest digest = new Blake3Digest(256);
        digest.init(Blake3Parameters.context(context));
        for (byte[] part : parts) {
            digest.update(part, 0, part.length);
        }
        byte[] out = new byte[length];
        digest.doFinal(out, 0, length);
        return out;
    }

    static byte[] context(HashDomain domain) {
        return domain.context().getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code data} cut at {@code cuts} random points (empty parts possible). */
    static byte[][] split(byte[] data, int cuts, Random random) {
        int[] points = new int[cuts + 2];
        for (int i = 1; i <= cuts; i++) {
            points[i] = data.length == 0 ? 0 : random.nextInt(data.length + 1);
        }
        points[cuts + 1] = data.length;
        Arrays.sort(points);
        byte[][] parts = new byte[cuts + 1][];
        for (int i = 0; i <= cuts; i++) {
            parts[i] = Arrays.copyOfRange(data, points[i], points[i + 1]);
        }
        return parts;
    }

    private static byte[] random(Random random, int length) {
        byte[] data = new byte[length];
        random.nextBytes(data);
        return data;
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    @Test
    void everyLengthUpTo3000InOnePartAndSplit() {
        Random random = new Random(3);
        HashDomain[] domains = HashDomain.values();
        for (int length = 0; length <= 3000; length++) {
            HashDomain domain = domains[length % domains.length];
            byte[] data = random(random, length);
            String expected = hex(bouncyCastle(context(domain), 32, data));

            assertThat(Blake3.hash(domain, data).toHex()).as("length %d", length).isEqualTo(expected);
            assertThat(Blake3.hash(domain, split(data, 1 + random.nextInt(4), random)).toHex())
                    .as("length %d split", length).isEqualTo(expected);
            int xofLength = XOF_LENGTHS[length % XOF_LENGTHS.length];
            assertThat(hex(Blake3.xof(domain, xofLength, data))).as("length %d xof %d", length, xofLength)
                    .isEqualTo(hex(bouncyCastle(context(domain), xofLength, data)));
        }
    }

    @ParameterizedTest(name = "{0} bytes")
    @MethodSource("boundaryLengths")
    void boundaryLengthsEveryDomainEveryOutputLength(int length) {
        Random random = new Random(length);
        byte[] data = random(random, length);
        byte[][] parts = split(data, 3, random);
        for (HashDomain domain : HashDomain.values()) {
            for (int xofLength : XOF_LENGTHS) {
                String expected = hex(bouncyCastle(context(domain), xofLength, data));
                assertThat(hex(Blake3.xof(domain, xofLength, data))).as("%s xof %d", domain, xofLength)
                        .isEqualTo(expected);
                assertThat(hex(Blake3.xof(domain, xofLength, parts))).as("%s xof %d split", domain, xofLength)
                        .isEqualTo(expected);
            }
            assertThat(Blake3.hash(domain, data).toHex())
                    .isEqualTo(hex(bouncyCastle(context(domain), 32, data)));
        }
    }

    @Test
    void partsCutAtChunkAndBlockBoundaries() {
        Random random = new Random(5);
        byte[] data = random(random, 5000);
        byte[] context = context(HashDomain.MERKLE_LEAF);
        String expected = hex(bouncyCastle(context, 1000, data));
        for (int cut : new int[] {0, 1, 63, 64, 65, 1023, 1024, 1025, 2047, 2048, 2049, 4096, 5000}) {
            byte[][] parts = {Arrays.copyOfRange(data, 0, cut), new byte[0], Arrays.copyOfRange(data, cut, data.length)};
            assertThat(hex(Blake3.xof(HashDomain.MERKLE_LEAF, 1000, parts))).as("cut at %d", cut).isEqualTo(expected);
        }
        List<byte[]> bytewise = new ArrayList<>();
        for (byte b : Arrays.copyOf(data, 2100)) {
            bytewise.add(new byte[] {b});
        }
        assertThat(hex(Blake3.xof(HashDomain.MERKLE_LEAF, 65, bytewise.toArray(byte[][]::new))))
                .isEqualTo(hex(bouncyCastle(context, 65, Arrays.copyOf(data, 2100))));
    }

    @Test
    void sliceOverloadHashesOnlyTheSlice() {
        Random random = new Random(7);
        byte[] data = random(random, 6000);
        for (int[] slice : new int[][] {{0, 0}, {17, 64}, {1, 1024}, {100, 2049}, {5, 5300}, {0, 6000}}) {
            byte[] expected = bouncyCastle(context(HashDomain.TX), 32, Arrays.copyOfRange(data, slice[0], slice[0] + slice[1]));
            assertThat(Blake3.hash(HashDomain.TX, data, slice[0], slice[1]).toHex()).isEqualTo(hex(expected));
        }
        assertThatThrownBy(() -> Blake3.hash(HashDomain.TX, data, 5990, 11)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void randomContextStringsIncludingLongOnes() {
        Random random = new Random(11);
        for (int contextLength : new int[] {0, 1, 31, 63, 64, 65, 200, 1024, 1025, 3000}) {
            byte[] context = random(random, contextLength);
            byte[] data = random(random, random.nextInt(3000));
            for (int xofLength : XOF_LENGTHS) {
                assertThat(hex(Blake3.deriveKey(context, xofLength, data))).as("context %d", contextLength)
                        .isEqualTo(hex(bouncyCastle(context, xofLength, data)));
            }
        }
    }

    @Test
    void domainsHashTheSameInputDifferently() {
        byte[] data = new byte[64];
        assertThat(Arrays.stream(HashDomain.values()).map(domain -> Blake3.hash(domain, data)).distinct())
                .hasSize(HashDomain.values().length);
    }
}
