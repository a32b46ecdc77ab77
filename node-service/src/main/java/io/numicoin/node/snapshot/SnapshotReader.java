package io.numicoin.node.snapshot;

import io.numicoin.node.backup.StreamHash;
import io.numicoin.protocol.codec.DecodeException;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Reads a snapshot file ({@link SnapshotFormat}): the manifest from the file's end (its length
 * bounded, the file's size checked against the chunks and headers it lists), then the chunks in order,
 * each length checked against the manifest and each hash checked before its bytes are handed on, and
 * the header chain.
 */
public final class SnapshotReader {

    /** Receives each chunk's bytes after its hash matched. */
    @FunctionalInterface
    public interface ChunkSink {
        void chunk(int index, byte[] elements) throws SnapshotException;
    }

    private SnapshotReader() {
    }

    public static SnapshotManifest manifest(Path file) throws SnapshotException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            int trailer = 4 + SnapshotFormat.END_MAGIC.length;
            if (size < SnapshotFormat.MAGIC.length + trailer) {
                throw new SnapshotException(file + " is not a NumiCoin snapshot (too short)");
            }
            ByteBuffer head = read(channel, 0, SnapshotFormat.MAGIC.length);
            ByteBuffer tail = read(channel, size - trailer, trailer);
            int length = tail.getInt();
            byte[] endMagic = new byte[SnapshotFormat.END_MAGIC.length];
            tail.get(endMagic);
            if (!Arrays.equals(head.array(), SnapshotFormat.MAGIC) || !Arrays.equals(endMagic, SnapshotFormat.END_MAGIC)) {
                throw new SnapshotException(file + " is not a NumiCoin snapshot, or is truncated (wrong magic)");
            }
            if (length < 0 || length > SnapshotFormat.MAX_MANIFEST || length > size - trailer - SnapshotFormat.MAGIC.length) {
                throw new SnapshotException("the snapshot's manifest length " + length + " is out of bounds: the file is damaged");
            }
            SnapshotManifest manifest = SnapshotManifestCodec.decode(read(channel, size - trailer - length, length).array());
            long expected = headersOffset(manifest) + manifest.headerCount() * SnapshotFormat.HEADER_SIZE + length + trailer;
            if (expected != size) {
                throw new SnapshotException("the snapshot is " + size + " bytes but its manifest lists " + expected + ": the file is damaged");
            }
            return manifest;
        } catch (DecodeException e) {
            throw new SnapshotException("the snapshot's manifest does not decode: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new SnapshotException("reading the snapshot " + file + " failed: " + e.getMessage(), e);
        }
    }

    /** Hands every chunk, hash-checked, to {@code sink} in file order. */
    public static void forEachChunk(Path file, SnapshotManifest manifest, ChunkSink sink) throws SnapshotException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            DataInputStream in = new DataInputStream(raw);
            in.readFully(new byte[SnapshotFormat.MAGIC.length]);
            for (int i = 0; i < manifest.chunks().size(); i++) {
                SnapshotManifest.Chunk chunk = manifest.chunks().get(i);
                int length = in.readInt();
                if (length != chunk.elements() * SnapshotFormat.ELEMENT_SIZE) {
                    throw new SnapshotException("chunk " + i + " is " + length + " bytes, its manifest entry says "
                            + chunk.elements() + " elements: the file is damaged");
                }
                byte[] bytes = new byte[length];
                in.readFully(bytes);
                if (!StreamHash.of(StreamHash.SNAPSHOT_CHUNK, bytes).equals(chunk.hash())) {
                    throw new SnapshotException("chunk " + i + " does not match its hash in the manifest: the file is damaged");
                }
                sink.chunk(i, bytes);
            }
        } catch (EOFException e) {
            throw new SnapshotException("the snapshot " + file + " is truncated", e);
        } catch (IOException e) {
            throw new SnapshotException("reading the snapshot " + file + " failed: " + e.getMessage(), e);
        }
    }

    /** Receives the header chain's encoded headers, genesis first. */
    @FunctionalInterface
    public interface HeaderSink {
        void header(long height, byte[] encoded) throws SnapshotException;
    }

    /**
     * Hands every header of the file's header chain to {@code sink}, genesis first, then checks that
     * they hash to the manifest's {@code headersHash} (a sink that writes must be rolled back when this throws).
     */
    public static void forEachHeader(Path file, SnapshotManifest manifest, HeaderSink sink) throws SnapshotException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.position(headersOffset(manifest));
            DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel), 1 << 16));
            StreamHash hash = new StreamHash(StreamHash.SNAPSHOT_HEADERS);
            byte[] encoded = new byte[SnapshotFormat.HEADER_SIZE];
            for (long height = 0; height < manifest.headerCount(); height++) {
                in.readFully(encoded);
                hash.update(encoded, 0, encoded.length);
                sink.header(height, encoded.clone());
            }
            if (!hash.finish().equals(manifest.headersHash())) {
                throw new SnapshotException("the snapshot's header chain does not match its hash in the manifest: the file is damaged");
            }
        } catch (EOFException e) {
            throw new SnapshotException("the snapshot " + file + " is truncated", e);
        } catch (IOException e) {
            throw new SnapshotException("reading the snapshot " + file + " failed: " + e.getMessage(), e);
        }
    }

    /** Where the header chain starts: after the magic and the chunks. */
    private static long headersOffset(SnapshotManifest manifest) {
        long offset = SnapshotFormat.MAGIC.length;
        for (SnapshotManifest.Chunk chunk : manifest.chunks()) {
            offset += 4 + (long) chunk.elements() * SnapshotFormat.ELEMENT_SIZE;
        }
        return offset;
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new EOFException();
            }
        }
        return buffer.flip();
    }
}
