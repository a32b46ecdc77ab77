package io.numicoin.protocol.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.pow.CompactTarget;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Headers for block tree tests: any target, no proof of work, so works can be chosen freely. */
final class ChainFixture {

    static final BlockHeader GENESIS = new BlockHeader(
            BlockHeader.CURRENT_VERSION, 0, Hash256.ZERO, Hash256.ZERO, Hash256.ZERO,
            1_700_000_000L, targetForWork(1), 0);

    private ChainFixture() {
    }

    /** A target whose work is about {@code 2^log2Work} (exactly that for small exponents). */
    static CompactTarget targetForWork(int log2Work) {
        return CompactTarget.fromTarget(BigInteger.ONE.shiftLeft(256 - log2Work).subtract(BigInteger.ONE));
    }

    static Hash256 id(BlockHeader header) {
        return BlockHeaderCodec.id(header);
    }

    static BlockHeader child(BlockHeader parent, int log2Work, long nonce) {
        return new BlockHeader(BlockHeader.CURRENT_VERSION, parent.height() + 1, id(parent), Hash256.ZERO,
                Hash256.ZERO, parent.timestamp() + 30, targetForWork(log2Work), nonce);
    }

    /** {@code length} headers on top of {@code from}, all with work {@code 2^log2Work}; {@code salt} keeps branches apart. */
    static List<BlockHeader> branch(BlockHeader from, int length, int log2Work, long salt) {
        List<BlockHeader> headers = new ArrayList<>(length);
        BlockHeader parent = from;
        for (int i = 0; i < length; i++) {
            parent = child(parent, log2Work, salt);
            headers.add(parent);
        }
        return headers;
    }

    /** {@code length} headers on top of {@code from} with works drawn from {@code 2^1 .. 2^20}. */
    static List<BlockHeader> randomBranch(BlockHeader from, int length, Random random) {
        List<BlockHeader> headers = new ArrayList<>(length);
        BlockHeader parent = from;
        for (int i = 0; i < length; i++) {
            parent = child(parent, 1 + random.nextInt(20), random.nextLong());
            headers.add(parent);
        }
        return headers;
    }

    static void addAll(BlockTree tree, List<BlockHeader> headers) {
        for (BlockHeader header : headers) {
            assertThat(tree.addHeader(header).outcome()).isEqualTo(AddHeaderResult.Outcome.ADDED);
        }
    }

    static void markAllData(BlockTree tree, List<BlockHeader> headers) {
        for (BlockHeader header : headers) {
            tree.markDataAvailable(id(header));
        }
    }

    static List<Hash256> ids(List<BlockHeader> headers) {
        return headers.stream().map(ChainFixture::id).toList();
    }

    static BlockHeader last(List<BlockHeader> headers) {
        return headers.getLast();
    }

    static BigInteger work(BlockHeader... headers) {
        BigInteger sum = BigInteger.ZERO;
        for (BlockHeader header : headers) {
            sum = sum.add(header.target().work());
        }
        return sum;
    }

    static BigInteger work(List<BlockHeader> headers) {
        return work(headers.toArray(BlockHeader[]::new));
    }
}
