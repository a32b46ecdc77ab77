package io.numicoin.protocol.hash;

import static io.numicoin.protocol.hash.Blake3Compression.BLOCK_LEN;
import static io.numicoin.protocol.hash.Blake3Compression.CHUNK_END;
import static io.numicoin.protocol.hash.Blake3Compression.CHUNK_LEN;
import static io.numicoin.protocol.hash.Blake3Compression.CHUNK_START;
import static io.numicoin.protocol.hash.Blake3Compression.PARENT;
import static io.numicoin.protocol.hash.Blake3Compression.ROOT;
import static io.numicoin.protocol.hash.Blake3Compression.compress;
import static io.numicoin.protocol.hash.Blake3Compression.writeWord;

import java.util.Arrays;
import java.util.Objects;

/**
 * One BLAKE3 computation: input in any number of slices, then extendable output of any length.
 * Follows the specification's incremental tree (chunks of 1024 bytes, parents merged as soon as a
 * subtree is complete, the last chunk kept open until more input or the end). Whole blocks are
 * compressed straight from the caller's array; only a chunk's possibly-last block is copied.
 * Single use and not thread-safe: one instance per hash, never shared.
 */
final class Blake3Hasher {

    /** 2^54 chunks of 1 KiB is the most BLAKE3 defines (output counter is 64-bit, input 2^64 bytes). */
    private static final int MAX_DEPTH = 54;

    private final int[] key;
    private final int flags;
    /** [0, 8): the open chunk's chaining value; [8, 24): output words of the last root compression. */
    private final int[] state = new int[24];
    /** [0, 64): the open chunk's current block; [64, 128): a parent node's block. */
    private final byte[] block = new byte[2 * BLOCK_LEN];
    /** Chaining values of complete subtrees, 8 words each, oldest first; allocated at the first full chunk. */
    private int[] stack;
    private int stackLen;
    private final long expectedLength;
    private long chunkCounter;
    private int blocksCompressed;
    private int blockLen;
    private boolean finished;

    /**
     * @param key the 8 key words (read, never written: may be a shared table)
     * @param flags the mode's flags, added to every compression
     * @param expectedLength the total input length if known (sizes the subtree stack), else 0
     */
    Blake3Hasher(int[] key, int flags, long expectedLength) {
        this.key = key;
        this.flags = flags;
        this.expectedLength = expectedLength;
        System.arraycopy(key, 0, state, 0, 8);
    }

    void update(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        if (finished) {
            throw new IllegalStateException("BLAKE3 hasher already finished");
        }
        while (length > 0) {
            if (chunkLength() == CHUNK_LEN) {
                closeChunk();
            }
            int take = Math.min(CHUNK_LEN - chunkLength(), length);
            updateChunk(data, offset, take);
            offset += take;
            length -= take;
        }
    }

    /** Writes {@code length} bytes of output to {@code out[offset, offset + length)}. */
    void finish(byte[] out, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, out.length);
        if (finished) {
            throw new IllegalStateException("BLAKE3 hasher already finished");
        }
        finished = true;
        Arrays.fill(block, blockLen, BLOCK_LEN, (byte) 0);
        int chunkFlags = flags | startFlag() | CHUNK_END;
        if (stackLen == 0) {
            rootOutput(state, block, 0, blockLen, chunkFlags, out, offset, length);
            return;
        }
        compress(state, 0, block, 0, chunkCounter, blockLen, chunkFlags, state, 0, 8);
        for (int i = stackLen - 1; i >= 1; i--) {
            parentChainingValue(8 * i);
        }
        encodeParentBlock(0);
        rootOutput(key, block, BLOCK_LEN, BLOCK_LEN, flags | PARENT, out, offset, length);
    }

    private int chunkLength() {
        return blocksCompressed * BLOCK_LEN + blockLen;
    }

    private int startFlag() {
        return blocksCompressed == 0 ? CHUNK_START : 0;
    }

    /** Adds {@code length} bytes, at most what the open chunk still takes. */
    private void updateChunk(byte[] data, int offset, int length) {
        while (length > 0) {
            if (blockLen == BLOCK_LEN) {
                compress(state, 0, block, 0, chunkCounter, BLOCK_LEN, flags | startFlag(), state, 0, 8);
                blocksCompressed++;
                blockLen = 0;
            }
            if (blockLen == 0) {
                // More bytes of this chunk follow each of these blocks, so none is the chunk's last.
                while (length > BLOCK_LEN) {
                    compress(state, 0, data, offset, chunkCounter, BLOCK_LEN, flags | startFlag(), state, 0, 8);
                    blocksCompressed++;
                    offset += BLOCK_LEN;
                    length -= BLOCK_LEN;
                }
            }
            int take = Math.min(BLOCK_LEN - blockLen, length);
            System.arraycopy(data, offset, block, blockLen, take);
            blockLen += take;
            offset += take;
            length -= take;
        }
    }

    /**
     * Takes the next whole chunk as its chaining value {@code cvs[offset, offset + 8)}, computed
     * elsewhere ({@link Blake3Lanes}) under this hasher's key and flags with the next chunk counter.
     * Only between chunks (no input of a chunk taken yet) and only when more input follows: the
     * chunk must not be the last, which may be the root.
     */
    void addChunkChainingValue(int[] cvs, int offset) {
        if (finished || blocksCompressed != 0 || blockLen != 0) {
            throw new IllegalStateException("a chunk's chaining value is taken only between chunks of an unfinished hash");
        }
        System.arraycopy(cvs, offset, state, 0, 8);
        pushChunk();
    }

    /** The open chunk is full and more input follows: push its chaining value, merging complete subtrees. */
    private void closeChunk() {
        compress(state, 0, block, 0, chunkCounter, BLOCK_LEN, flags | startFlag() | CHUNK_END, state, 0, 8);
        pushChunk();
    }

    /** The chunk whose chaining value is in {@code state[0, 8)} is complete: push it, merging complete subtrees; open the next. */
    private void pushChunk() {
        long completed = ++chunkCounter;
        while ((completed & 1) == 0) {
            stackLen--;
            parentChainingValue(8 * stackLen);
            completed >>>= 1;
        }
        push();
        System.arraycopy(key, 0, state, 0, 8);
        blocksCompressed = 0;
        blockLen = 0;
    }

    /** state[0, 8) := chaining value of the parent of stack[leftOffset, +8) and state[0, 8). */
    private void parentChainingValue(int leftOffset) {
        encodeParentBlock(leftOffset);
        compress(key, 0, block, BLOCK_LEN, 0, BLOCK_LEN, flags | PARENT, state, 0, 8);
    }

    private void encodeParentBlock(int leftOffset) {
        for (int i = 0; i < 8; i++) {
            writeWord(block, BLOCK_LEN + 4 * i, stack[leftOffset + i]);
            writeWord(block, BLOCK_LEN + 32 + 4 * i, state[i]);
        }
    }

    private void push() {
        if (stack == null) {
            long chunks = Math.max(expectedLength - 1, 0) / CHUNK_LEN + 1;
            stack = new int[8 * Math.clamp(64 - Long.numberOfLeadingZeros(chunks - 1), 1, MAX_DEPTH)];
        } else if (stack.length == 8 * stackLen) {
            stack = Arrays.copyOf(stack, Math.min(2 * stack.length, 8 * MAX_DEPTH));
        }
        System.arraycopy(state, 0, stack, 8 * stackLen, 8);
        stackLen++;
    }

    private void rootOutput(int[] cv, byte[] nodeBlock, int blockOffset, int nodeBlockLen, int nodeFlags,
            byte[] out, int offset, int length) {
        int words = length <= 32 ? 8 : 16;
        for (long counter = 0; length > 0; counter++) {
            compress(cv, 0, nodeBlock, blockOffset, counter, nodeBlockLen, nodeFlags | ROOT, state, 8, words);
            int n = Math.min(BLOCK_LEN, length);
            int whole = n >>> 2;
            for (int i = 0; i < whole; i++) {
                writeWord(out, offset + 4 * i, state[8 + i]);
            }
            for (int i = whole * 4; i < n; i++) {
                out[offset + i] = (byte) (state[8 + (i >>> 2)] >>> (8 * (i & 3)));
            }
            offset += n;
            length -= n;
        }
    }
}
