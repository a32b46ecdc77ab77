package io.numicoin.node.snapshot;

import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.codec.ByteReader;
import io.numicoin.protocol.codec.ByteWriter;
import io.numicoin.protocol.codec.DecodeError;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.params.Network;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes a {@link SnapshotManifest}: u8 version, network id (u16-prefixed), height (at most
 * {@link SnapshotFormat#MAX_HEIGHT}), block id, the 128-byte header, cumulative work (u16-prefixed
 * unsigned big-endian, at most 33 bytes), the header chain's hash (version 2 on), account and reward counts, u32 chunk count (at most {@link SnapshotFormat#MAX_CHUNKS}), then per chunk its
 * element count and hash. Decoding bounds every length before allocating.
 */
public final class SnapshotManifestCodec {

    /** 2: the file carries the header chain from genesis (1 carried the snapshot's header only). */
    public static final int VERSION = 2;

    private SnapshotManifestCodec() {
    }

    public static byte[] encode(SnapshotManifest manifest) {
        ByteWriter writer = new ByteWriter(256 + manifest.chunks().size() * 36);
        writer.u8(VERSION)
                .varBytes16(Bytes.of(manifest.network().id().getBytes(StandardCharsets.US_ASCII)))
                .i64(manifest.height())
                .hash(manifest.blockId());
        BlockHeaderCodec.write(writer, manifest.header());
        writer.varBytes16(Bytes.of(manifest.cumulativeWork().toByteArray()))
                .hash(manifest.headersHash())
                .i64(manifest.accounts())
                .i64(manifest.rewards())
                .i32(manifest.chunks().size());
        for (SnapshotManifest.Chunk chunk : manifest.chunks()) {
            writer.i32(chunk.elements()).hash(chunk.hash());
        }
        return writer.toByteArray();
    }

    public static SnapshotManifest decode(byte[] bytes) throws DecodeException {
        ByteReader reader = new ByteReader(bytes);
        int version = reader.u8("snapshot manifest version");
        if (version == 1) {
            throw new DecodeException(DecodeError.OUT_OF_RANGE, "the snapshot is in format version 1, which carries no header chain"
                    + " and cannot start a node; this node reads version " + VERSION + ": export it again with this version");
        }
        if (version != VERSION) {
            throw new DecodeException(DecodeError.OUT_OF_RANGE, "snapshot manifest version " + version + " (this node reads " + VERSION + ")");
        }
        String networkId = new String(reader.varBytes16("network", 16).toArray(), StandardCharsets.US_ASCII);
        Network network;
        try {
            network = Network.fromId(networkId);
        } catch (IllegalArgumentException e) {
            throw new DecodeException(DecodeError.OUT_OF_RANGE, "unknown network " + networkId);
        }
        long height = reader.u63("height");
        if (height > SnapshotFormat.MAX_HEIGHT) {
            throw new DecodeException(DecodeError.OUT_OF_RANGE, "snapshot height " + height + " above " + SnapshotFormat.MAX_HEIGHT);
        }
        Hash256 blockId = reader.hash("block id");
        BlockHeader header = BlockHeaderCodec.read(reader);
        BigInteger work = new BigInteger(1, reader.varBytes16("cumulative work", 33).toArray());
        Hash256 headersHash = reader.hash("headers hash");
        long accounts = reader.u63("accounts");
        long rewards = reader.u63("rewards");
        int count = reader.u32("chunk count", SnapshotFormat.MAX_CHUNKS);
        List<SnapshotManifest.Chunk> chunks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int elements = reader.u32("chunk elements", SnapshotFormat.MAX_CHUNK_ELEMENTS);
            chunks.add(new SnapshotManifest.Chunk(elements, reader.hash("chunk hash")));
        }
        reader.expectEnd("snapshot manifest");
        return new SnapshotManifest(network, height, blockId, header, work, headersHash, accounts, rewards, chunks);
    }
}
