package io.numicoin.protocol.pow.header;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.protocol.pow.CompactTarget;
import io.numicoin.protocol.pow.PowCheck;
import io.numicoin.protocol.pow.PowParams;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.hash.Blake3;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.hash.HashDomain;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;

class ProofOfWorkTest {

    private static final CompactTarget ONE_IN_16 = CompactTarget.fromTarget(BigInteger.ONE.shiftLeft(252));
    private static final CompactTarget ONE_IN_4096 = CompactTarget.fromTarget(BigInteger.ONE.shiftLeft(244));

    private static BlockHeader header(CompactTarget target, long nonce) {
        return new BlockHeader(BlockHeader.CURRENT_VERSION, 7,
                Blake3.hash(HashDomain.BLOCK, new byte[] {1}),
                Blake3.hash(HashDomain.MERKLE_NODE, new byte[] {2}),
                Blake3.hash(HashDomain.STATE_COMMITMENT, new byte[] {3}),
                1_700_000_000L, target, nonce);
    }

    /** The definition, computed with Bouncy Castle's Argon2 instead of ours. */
    private static Hash256 referencePowHash(BlockHeader header, PowParams params) {
        byte[] bytes = BlockHeaderCodec.encode(header);
        byte[] salt = Arrays.copyOf(BlockHeaderCodec.id(header).toArray(), 16);
        Argon2BytesGenerator argon2 = new Argon2BytesGenerator();
        argon2.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(params.memoryKiB()).withIterations(params.iterations())
                .withParallelism(params.parallelism()).withSalt(salt).build());
        byte[] out = new byte[32];
        argon2.generateBytes(bytes, out);
        return Blake3.hash(HashDomain.POW, out);
    }

    private static Hash256 hashOf(BigInteger value) {
        byte[] bytes = new byte[32];
        byte[] minimal = value.toByteArray();
        int length = Math.min(minimal.length, 32);
        System.arraycopy(minimal, minimal.length - length, bytes, 32 - length, length);
        return Hash256.of(bytes);
    }

    @Test
    void powHashFollowsTheDefinitionAtRegtestAndMainnetCost() {
        BlockHeader header = header(ONE_IN_16, 42);
        for (PowParams params : new PowParams[] {PowParams.REGTEST, PowParams.MAINNET}) {
            assertThat(new ProofOfWork(params).powHash(header)).isEqualTo(referencePowHash(header, params));
        }
    }

    /** Pinned values: a change here is a consensus change (hard fork). */
    @Test
    void powHashGoldenValues() {
        BlockHeader header = header(ONE_IN_16, 42);
        assertThat(new ProofOfWork(PowParams.REGTEST).powHash(header).toHex()).isEqualTo("33cb7cbefe21aa07aaeb347301c65209ab8cd090b311718bb3482fc9b1ab5db1");
        assertThat(new ProofOfWork(PowParams.MAINNET).powHash(header).toHex()).isEqualTo("8a193adc5faba0ff8cd4b74478bb267d529ae94b7a0efe9cd629ddcb08bb37b9");
    }

    @Test
    void minesTheFirstNonceThatMeetsTheTargetAndVerifiesIt() {
        ProofOfWork pow = new ProofOfWork(PowParams.REGTEST);
        BlockHeader template = header(ONE_IN_16, 0);
        Optional<BlockHeader> mined = pow.mine(template, 1000, 1_000, () -> false);

        assertThat(mined).isPresent();
        BlockHeader block = mined.get();
        assertThat(block.nonce()).isBetween(1000L, 1999L);
        assertThat(block.withNonce(0)).isEqualTo(template);
        assertThat(pow.verify(block)).isEqualTo(PowCheck.VALID);
        assertThat(ProofOfWork.meetsTarget(pow.powHash(block), ONE_IN_16)).isTrue();
        assertThat(new ProofOfWork(PowParams.REGTEST).verify(block)).isEqualTo(PowCheck.VALID);
        for (long nonce = 1000; nonce < block.nonce(); nonce++) {
            assertThat(pow.verify(template.withNonce(nonce))).as("nonce %d", nonce).isEqualTo(PowCheck.ABOVE_TARGET);
        }
    }

    @Test
    void changingTheNonceOrTimeOfAMinedHeaderBreaksItsProof() {
        ProofOfWork pow = new ProofOfWork(PowParams.REGTEST);
        BlockHeader block = pow.mine(header(ONE_IN_4096, 0), 0, 100_000, () -> false).orElseThrow();
        assertThat(pow.verify(block)).isEqualTo(PowCheck.VALID);
        assertThat(pow.verify(block.withNonce(block.nonce() + 1))).isEqualTo(PowCheck.ABOVE_TARGET);
        assertThat(pow.verify(block.withTimestamp(block.timestamp() + 1))).isEqualTo(PowCheck.ABOVE_TARGET);
        assertThat(new ProofOfWork(PowParams.MAINNET).verify(block)).isEqualTo(PowCheck.ABOVE_TARGET);
    }

    @Test
    void meetsTargetIsInclusiveAtTheBoundary() {
        CompactTarget compact = CompactTarget.fromTarget(new BigInteger("00ffff0000000000000000000000000000000000000000000000000000000123", 16));
        BigInteger target = compact.toTarget();
        assertThat(ProofOfWork.meetsTarget(hashOf(target), compact)).isTrue();
        assertThat(ProofOfWork.meetsTarget(hashOf(target.subtract(BigInteger.ONE)), compact)).isTrue();
        assertThat(ProofOfWork.meetsTarget(hashOf(target.add(BigInteger.ONE)), compact)).isFalse();
        assertThat(ProofOfWork.meetsTarget(Hash256.ZERO, compact)).isTrue();
        assertThat(ProofOfWork.meetsTarget(hashOf(BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE)), compact)).isFalse();

        CompactTarget one = CompactTarget.fromTarget(BigInteger.ONE);
        assertThat(ProofOfWork.meetsTarget(hashOf(BigInteger.ONE), one)).isTrue();
        assertThat(ProofOfWork.meetsTarget(hashOf(BigInteger.TWO), one)).isFalse();
    }

    @Test
    void aNonCanonicalTargetIsMetByNothing() {
        CompactTarget negative = new CompactTarget(0x04923456);
        CompactTarget zeroMantissa = new CompactTarget(0x03000000);
        assertThat(negative.isCanonical()).isFalse();
        assertThat(ProofOfWork.meetsTarget(Hash256.ZERO, negative)).isFalse();
        ProofOfWork pow = new ProofOfWork(PowParams.REGTEST);
        assertThat(pow.verify(header(negative, 0))).isEqualTo(PowCheck.NON_CANONICAL_TARGET);
        assertThat(pow.verify(header(zeroMantissa, 0))).isEqualTo(PowCheck.NON_CANONICAL_TARGET);
        assertThat(pow.hashCount()).isZero();
        assertThatThrownBy(() -> pow.mine(header(negative, 0), 0, 10, () -> false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void miningStopsWhenCancelledOrOutOfAttemptsAndCountsHashes() {
        ProofOfWork pow = new ProofOfWork(PowParams.REGTEST);
        BlockHeader impossible = header(CompactTarget.fromTarget(BigInteger.ONE), 0);
        assertThat(pow.mine(impossible, 0, 1_000, () -> true)).isEmpty();
        assertThat(pow.hashCount()).isZero();
        assertThat(pow.mine(impossible, Long.MAX_VALUE, 25, () -> false)).isEmpty();
        assertThat(pow.hashCount()).isEqualTo(25);
        int[] polls = {0};
        assertThat(pow.mine(impossible, 0, 1_000, () -> ++polls[0] > 10)).isEmpty();
        assertThat(pow.hashCount()).isEqualTo(35);
    }

    @Test
    void powHashTakesExactlyOneEncodedHeader() {
        ProofOfWork pow = new ProofOfWork(PowParams.REGTEST);
        assertThatThrownBy(() -> pow.powHash(new byte[127])).isInstanceOf(IllegalArgumentException.class);
        assertThat(pow.powHash(BlockHeaderCodec.encode(header(ONE_IN_16, 9)))).isEqualTo(pow.powHash(header(ONE_IN_16, 9)));
    }

    @Test
    void networkParametersAreConsensusConstants() {
        assertThat(PowParams.MAINNET).isEqualTo(new PowParams(4096, 1, 1));
        assertThat(PowParams.TESTNET).isEqualTo(new PowParams(4096, 1, 1));
        assertThat(PowParams.REGTEST).isEqualTo(new PowParams(16, 1, 1));
        assertThatThrownBy(() -> new PowParams(15, 1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PowParams(16, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
