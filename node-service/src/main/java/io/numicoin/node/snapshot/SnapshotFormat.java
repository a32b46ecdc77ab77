package io.numicoin.node.snapshot;

import io.numicoin.protocol.state.StateElementCodec;
import java.nio.charset.StandardCharsets;

/**
 * The layout of a snapshot file. All integers big-endian.
 * <pre>
 * magic     8 bytes "NUMISNP1"
 * chunks    per chunk: i32 length (= elements x 49, at most {@link #MAX_CHUNK_ELEMENTS} elements) + the
 *           chunk's state elements ({@code StateElementCodec}), strictly increasing byte order across the file
 * manifest  {@link SnapshotManifestCodec}
 * i32       manifest length (at most {@link #MAX_MANIFEST})
 * magic     8 bytes "NUMISNPE"
 * </pre>
 * The manifest sits at the end because it holds the chunk hashes; a reader finds it from the file's end.
 */
public final class SnapshotFormat {

    public static final byte[] MAGIC = "NUMISNP1".getBytes(StandardCharsets.US_ASCII);
    public static final byte[] END_MAGIC = "NUMISNPE".getBytes(StandardCharsets.US_ASCII);
    public static final int ELEMENT_SIZE = StateElementCodec.SIZE;
    public static final int MAX_CHUNK_ELEMENTS = 100_000;
    public static final int MAX_CHUNKS = 1_000_000;
    public static final int MAX_MANIFEST = 1024 + MAX_CHUNKS * 36;
    public static final int DEFAULT_CHUNK_ELEMENTS = 10_000;

    private SnapshotFormat() {
    }
}
