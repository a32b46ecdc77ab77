package io.numicoin.node.snapshot;

import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.state.StateElementCodec;
import java.nio.charset.StandardCharsets;

/**
 * The layout of a snapshot file (format version {@link SnapshotManifestCodec#VERSION}). All integers big-endian.
 * <pre>
 * magic     8 bytes "NUMISNP1" (the file family; the format version is the manifest's first byte)
 * chunks    per chunk: i32 length (= elements x 49, at most {@link #MAX_CHUNK_ELEMENTS} elements) + the
 *           chunk's state elements ({@code StateElementCodec}), strictly increasing byte order across the file
 * headers   the active chain's headers from genesis to the snapshot's block, height + 1 of 128 bytes each,
 *           ascending (version 2 on): a node needs them all to run from the snapshot (difficulty, median
 *           time past, fork choice by work, serving headers to peers)
 * manifest  {@link SnapshotManifestCodec}
 * i32       manifest length (at most {@link #MAX_MANIFEST})
 * magic     8 bytes "NUMISNPE"
 * </pre>
 * The manifest sits at the end because it holds the chunk and header hashes; a reader finds it from the file's end.
 */
public final class SnapshotFormat {

    public static final byte[] MAGIC = "NUMISNP1".getBytes(StandardCharsets.US_ASCII);
    public static final byte[] END_MAGIC = "NUMISNPE".getBytes(StandardCharsets.US_ASCII);
    public static final int ELEMENT_SIZE = StateElementCodec.SIZE;
    public static final int MAX_CHUNK_ELEMENTS = 100_000;
    public static final int MAX_CHUNKS = 1_000_000;
    public static final int MAX_MANIFEST = 1024 + MAX_CHUNKS * 36;
    public static final int DEFAULT_CHUNK_ELEMENTS = 10_000;
    public static final int HEADER_SIZE = BlockHeaderCodec.SIZE;
    /** The highest snapshot height a file may claim (its header section is then 128 GiB). */
    public static final long MAX_HEIGHT = 1L << 30;

    private SnapshotFormat() {
    }
}
