package io.numicoin.protocol.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.protocol.codec.DecodeError;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.hash.Blake3;
import io.numicoin.protocol.hash.HashDomain;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MuHash3072Test {

    private static final BigInteger P = BigInteger.TWO.pow(3072).subtract(BigInteger.valueOf(1_103_717));

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static List<byte[]> randomElements(Random random, int count) {
        List<byte[]> elements = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] element = new byte[1 + random.nextInt(60)];
            random.nextBytes(element);
            elements.add(element);
        }
        return elements;
    }

    private static MuHash3072 insertAll(MuHash3072 start, List<byte[]> elements) {
        MuHash3072 hash = start;
        for (byte[] element : elements) {
            hash = hash.insert(element);
        }
        return hash;
    }

    @Test
    void theModulusIsTheMuHashPrime() {
        assertThat(MuHash3072.PRIME).isEqualTo(P);
        assertThat(P.isProbablePrime(64)).isTrue();
    }

    @Test
    void theEmptySetFinalisesToOne() {
        byte[] one = new byte[384];
        one[383] = 1;
        assertThat(MuHash3072.EMPTY.finalizeBytes()).isEqualTo(one);
    }

    @Test
    void aSingleElementFinalisesToItsExpansionModP() {
        BigInteger expected = new BigInteger(1, Blake3.xof(HashDomain.STATE_ELEMENT, 384, bytes("numi"))).mod(P);
        assertThat(new BigInteger(1, MuHash3072.of(bytes("numi")).finalizeBytes())).isEqualTo(expected);
    }

    @Test
    void goldenValueOfASmallSet() {
        MuHash3072 hash = MuHash3072.EMPTY.insert(bytes("a")).insert(bytes("b")).remove(bytes("c"));
        BigInteger a = new BigInteger(1, Blake3.xof(HashDomain.STATE_ELEMENT, 384, bytes("a")));
        BigInteger b = new BigInteger(1, Blake3.xof(HashDomain.STATE_ELEMENT, 384, bytes("b")));
        BigInteger c = new BigInteger(1, Blake3.xof(HashDomain.STATE_ELEMENT, 384, bytes("c")));
        BigInteger expected = a.multiply(b).multiply(c.modInverse(P)).mod(P);
        assertThat(new BigInteger(1, hash.finalizeBytes())).isEqualTo(expected);
        assertThat(HexFormat.of().formatHex(Blake3.hash(HashDomain.STATE_COMMITMENT, hash.finalizeBytes()).toArray()))
                .isEqualTo(StateCommitment.of(hash).toHex())
                .isEqualTo(GOLDEN_A_B_MINUS_C);
    }

    /** Pins the element expansion and byte order: a change here is a consensus change. */
    private static final String GOLDEN_A_B_MINUS_C = "ae4ffe970acf6b6550360554018316221318736ec7868b3bbe39655872a27245";

    @Test
    void orderDoesNotMatter() {
        Random random = new Random(7);
        List<byte[]> elements = randomElements(random, 40);
        MuHash3072 forward = insertAll(MuHash3072.EMPTY, elements);
        List<byte[]> shuffled = new ArrayList<>(elements);
        Collections.shuffle(shuffled, random);
        MuHash3072 other = insertAll(MuHash3072.EMPTY, shuffled);
        assertThat(other.finalizeBytes()).isEqualTo(forward.finalizeBytes());
        assertThat(other.sameSetAs(forward)).isTrue();
        assertThat(other.sameSetAs(forward.insert(bytes("x")))).isFalse();
    }

    @Test
    void removingEveryInsertedElementGivesTheEmptySet() {
        Random random = new Random(8);
        List<byte[]> elements = randomElements(random, 30);
        MuHash3072 hash = insertAll(MuHash3072.EMPTY, elements);
        Collections.shuffle(elements, random);
        for (byte[] element : elements) {
            hash = hash.remove(element);
        }
        assertThat(hash.sameSetAs(MuHash3072.EMPTY)).isTrue();
        assertThat(hash.finalizeBytes()).isEqualTo(MuHash3072.EMPTY.finalizeBytes());
    }

    @Test
    void removeThenInsertEqualsInsertThenRemove() {
        MuHash3072 base = MuHash3072.of(bytes("old")).insert(bytes("keep"));
        MuHash3072 a = base.remove(bytes("old")).insert(bytes("new"));
        MuHash3072 b = base.insert(bytes("new")).remove(bytes("old"));
        assertThat(a.finalizeBytes()).isEqualTo(b.finalizeBytes()).isEqualTo(MuHash3072.of(bytes("keep")).insert(bytes("new")).finalizeBytes());
    }

    @Test
    void combineIsTheUnionAndSubtractTheDifference() {
        Random random = new Random(9);
        List<byte[]> left = randomElements(random, 10);
        List<byte[]> right = randomElements(random, 12);
        MuHash3072 l = insertAll(MuHash3072.EMPTY, left).remove(bytes("gone"));
        MuHash3072 r = insertAll(MuHash3072.EMPTY, right).insert(bytes("gone"));
        List<byte[]> union = new ArrayList<>(left);
        union.addAll(right);
        assertThat(l.combine(r).finalizeBytes()).isEqualTo(insertAll(MuHash3072.EMPTY, union).finalizeBytes());
        assertThat(l.combine(r).subtract(r).finalizeBytes()).isEqualTo(l.finalizeBytes());
    }

    @Test
    void multisetSemantics() {
        MuHash3072 twice = MuHash3072.of(bytes("e")).insert(bytes("e"));
        assertThat(twice.sameSetAs(MuHash3072.of(bytes("e")))).isFalse();
        assertThat(twice.remove(bytes("e")).sameSetAs(MuHash3072.of(bytes("e")))).isTrue();
    }

    @Test
    void reductionAgreesWithBigIntegerMod() {
        Random random = new Random(10);
        List<BigInteger> edges = List.of(BigInteger.ZERO, BigInteger.ONE, P.subtract(BigInteger.ONE), P, P.add(BigInteger.ONE),
                BigInteger.TWO.pow(3072).subtract(BigInteger.ONE), P.subtract(BigInteger.ONE).pow(2));
        for (BigInteger x : edges) {
            assertThat(MuHash3072.reduce(x)).as("reduce %s", x.bitLength()).isEqualTo(x.mod(P));
        }
        for (int i = 0; i < 2_000; i++) {
            BigInteger a = new BigInteger(3072, random).mod(P);
            BigInteger b = i % 10 == 0 ? P.subtract(BigInteger.valueOf(random.nextInt(1 << 20) + 1)) : new BigInteger(3072, random).mod(P);
            assertThat(MuHash3072.multiply(a, b)).isEqualTo(a.multiply(b).mod(P));
        }
    }

    @Test
    void serialisedFractionRoundTrips() throws DecodeException {
        MuHash3072 hash = MuHash3072.of(bytes("a")).insert(bytes("b")).remove(bytes("c"));
        byte[] serialized = hash.toBytes();
        assertThat(serialized).hasSize(768);
        MuHash3072 back = MuHash3072.fromBytes(serialized);
        assertThat(back.toBytes()).isEqualTo(serialized);
        assertThat(back.finalizeBytes()).isEqualTo(hash.finalizeBytes());

        MuHash3072 normalized = hash.normalized();
        assertThat(Arrays.copyOfRange(normalized.toBytes(), 0, 384)).isEqualTo(hash.finalizeBytes());
        assertThat(MuHash3072.fromFinalizedBytes(hash.finalizeBytes()).sameSetAs(hash)).isTrue();
        assertThat(MuHash3072.fromFinalizedBytes(hash.finalizeBytes()).insert(bytes("c")).finalizeBytes())
                .isEqualTo(MuHash3072.of(bytes("a")).insert(bytes("b")).finalizeBytes());
    }

    @Test
    void decodingRejectsValuesOutsideTheGroup() {
        byte[] zeroNumerator = MuHash3072.EMPTY.toBytes();
        zeroNumerator[383] = 0;
        assertDecodeError(() -> MuHash3072.fromBytes(zeroNumerator), DecodeError.OUT_OF_RANGE);

        byte[] denominatorP = MuHash3072.EMPTY.toBytes();
        byte[] p = P.toByteArray();
        System.arraycopy(p, p.length - 384, denominatorP, 384, 384);
        assertDecodeError(() -> MuHash3072.fromBytes(denominatorP), DecodeError.OUT_OF_RANGE);
        assertDecodeError(() -> MuHash3072.fromFinalizedBytes(Arrays.copyOfRange(denominatorP, 384, 768)), DecodeError.OUT_OF_RANGE);
        assertDecodeError(() -> MuHash3072.fromBytes(new byte[767]), DecodeError.TRUNCATED);
        assertDecodeError(() -> MuHash3072.fromBytes(new byte[769]), DecodeError.TRAILING_BYTES);
        assertDecodeError(() -> MuHash3072.fromFinalizedBytes(new byte[383]), DecodeError.TRUNCATED);
    }

    private interface Decode {
        void run() throws DecodeException;
    }

    private static void assertDecodeError(Decode decode, DecodeError error) {
        assertThatThrownBy(decode::run).isInstanceOfSatisfying(DecodeException.class, e -> assertThat(e.error()).isEqualTo(error));
    }

    @Test
    void updatesLeaveTheOriginalUnchanged() {
        MuHash3072 base = MuHash3072.of(bytes("a"));
        byte[] before = base.toBytes();
        base.insert(bytes("b"));
        base.remove(bytes("a"));
        base.combine(MuHash3072.of(bytes("c")));
        assertThat(base.toBytes()).isEqualTo(before);
    }
}
