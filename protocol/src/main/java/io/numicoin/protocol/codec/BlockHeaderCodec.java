package io.numicoin.protocol.codec;

import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.hash.Blake3;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.hash.HashDomain;
import io.numicoin.protocol.pow.CompactTarget;

/**
 * The header's one encoding, 128 bytes, big-endian:
 * version u32 | height u64 | previous id 32 | merkle root 32 | state commitment 32 |
 * timestamp u64 | compact target u32 | nonce u64.
 */
public final class BlockHeaderCodec {

    public static final int SIZE = 128;

    private BlockHeaderCodec() {
    }

    public static byte[] encode(BlockHeader header) {
        return new ByteWriter(SIZE)
                .i32(header.version())
                .i64(header.height())
                .hash(header.previousId())
                .hash(header.merkleRoot())
                .hash(header.stateCommitment())
                .i64(header.timestamp())
                .i32(header.target().bits())
                .i64(header.nonce())
                .toByteArray();
    }

    /** The block id: BLAKE3 ({@code numi/block}) of the encoded header. */
    public static Hash256 id(BlockHeader header) {
        return Blake3.hash(HashDomain.BLOCK, encode(header));
    }

    public static BlockHeader decode(byte[] bytes) throws DecodeException {
        if (bytes.length != SIZE) {
            throw new DecodeException(bytes.length > SIZE ? DecodeError.TRAILING_BYTES : DecodeError.TRUNCATED,
                    "a header has " + SIZE + " bytes, got " + bytes.length);
        }
        ByteReader reader = new ByteReader(bytes);
        BlockHeader header = read(reader);
        reader.expectEnd("header");
        return header;
    }

    /** Reads one header from {@code reader} (used inside block decoding). */
    public static BlockHeader read(ByteReader reader) throws DecodeException {
        int version = reader.i32("version");
        long height = reader.u63("height");
        Hash256 previousId = reader.hash("previous id");
        Hash256 merkleRoot = reader.hash("merkle root");
        Hash256 stateCommitment = reader.hash("state commitment");
        long timestamp = reader.u63("timestamp");
        CompactTarget target = new CompactTarget(reader.i32("target"));
        if (!target.isCanonical()) {
            throw new DecodeException(DecodeError.NON_CANONICAL, "target " + target + " is not a canonical compact target");
        }
        long nonce = reader.i64("nonce");
        return new BlockHeader(version, height, previousId, merkleRoot, stateCommitment, timestamp, target, nonce);
    }

    public static void write(ByteWriter writer, BlockHeader header) {
        writer.bytes(encode(header));
    }
}
