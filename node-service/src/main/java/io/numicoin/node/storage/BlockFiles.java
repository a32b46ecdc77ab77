package io.numicoin.node.storage;

import io.numicoin.protocol.tx.ProtocolLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Block bodies in append-only files ({@code blk00000.dat}, {@code blk00001.dat}, ...) beside the
 * database, as Bitcoin Core keeps its {@code blk*.dat}: PostgreSQL's {@code block_body} row names a
 * record by file number and offset (V10), and the bytes never pass through the database. A record
 * is the 4 bytes {@code NUMB}, the body's length (u32, big-endian) and the body; a file takes
 * records until the next would pass {@link #DEFAULT_MAX_FILE_BYTES}.
 *
 * <p>{@link #append} returns only once the record is on disk ({@code fdatasync}), so the row that
 * names it is never committed before its bytes. Bytes no committed row names — a write the process
 * stopped in the middle of, a body whose transaction rolled back, a row deleted later — stay in
 * the file unreferenced and are written past, never read. Each database has a directory of its own
 * ({@code blocks/<store id>} of {@code block_store}), so two databases never share a file.
 *
 * <p>Appends are serialised here; reads are positional and may run on any thread meanwhile.
 */
public final class BlockFiles implements AutoCloseable {

    public static final long DEFAULT_MAX_FILE_BYTES = 128L << 20;
    static final int MAGIC = 0x4e554d42;  // "NUMB"
    static final int HEADER_BYTES = 8;
    private static final Pattern FILE_NAME = Pattern.compile("blk(\\d{5})\\.dat");

    /** Where a record starts: the file's number and the offset of its magic. */
    public record Location(int fileNo, long offset) {
    }

    private final Path directory;
    private final long maxFileBytes;
    private final Map<Integer, FileChannel> readers = new ConcurrentHashMap<>();
    private FileChannel writer;
    private int writerNo;
    private volatile long writerEnd;
    /** The bytes of every file before the one appended to. */
    private volatile long earlierFiles;
    private volatile boolean closed;

    private BlockFiles(Path directory, long maxFileBytes) {
        this.directory = directory;
        this.maxFileBytes = maxFileBytes;
    }

    /**
     * Opens the block files of the database {@code jdbc} writes ({@code root/<store id>}), creating
     * the directory if the database names no body in a file yet.
     *
     * @throws IllegalStateException if rows name bodies in files but the directory is gone (the data
     *                               directory moved, or this database belongs to another node's files)
     */
    public static BlockFiles forDatabase(Path root, JdbcTemplate jdbc, long maxFileBytes) {
        UUID store = jdbc.queryForObject("SELECT store_id FROM block_store", UUID.class);
        Path directory = root.toAbsolutePath().normalize().resolve(store.toString());
        if (!Files.isDirectory(directory)
                && Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM block_body WHERE file_no IS NOT NULL)", Boolean.class))) {
            throw new IllegalStateException("block_body names bodies in files under " + directory + ", which does not exist: "
                    + "start the node with the data directory it wrote (numi.chain.block-files), or restore a backup into a new database");
        }
        return open(directory, maxFileBytes);
    }

    /** Opens (creating if needed) the block files in {@code directory}; appends go after the last file's end. */
    public static BlockFiles open(Path directory, long maxFileBytes) {
        if (maxFileBytes < HEADER_BYTES + 1) {
            throw new IllegalArgumentException("a block file must hold at least one record, not " + maxFileBytes + " bytes");
        }
        BlockFiles files = new BlockFiles(directory, maxFileBytes);
        try {
            Files.createDirectories(directory);
            int last = -1;
            try (Stream<Path> list = Files.list(directory)) {
                for (Path path : (Iterable<Path>) list::iterator) {
                    Matcher name = FILE_NAME.matcher(path.getFileName().toString());
                    if (name.matches()) {
                        last = Math.max(last, Integer.parseInt(name.group(1)));
                    }
                }
            }
            files.openWriter(Math.max(last, 0));
            for (int no = 0; no < files.writerNo; no++) {
                Path earlier = files.file(no);
                files.earlierFiles += Files.exists(earlier) ? Files.size(earlier) : 0;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the block files in " + directory + ": " + e.getMessage(), e);
        }
        return files;
    }

    public Path directory() {
        return directory;
    }

    /** The bytes the block files take (including records no row names). */
    public long bytes() {
        return earlierFiles + writerEnd;
    }

    /** Appends one body and forces it to disk; returns where its record starts. */
    public synchronized Location append(byte[] body) {
        if (body.length == 0 || body.length > ProtocolLimits.MAX_BLOCK_BYTES) {
            throw new IllegalArgumentException("a block body has 1 to " + ProtocolLimits.MAX_BLOCK_BYTES + " bytes, not " + body.length);
        }
        if (closed) {
            throw new IllegalStateException("the block files in " + directory + " are closed");
        }
        long recordBytes = HEADER_BYTES + (long) body.length;
        try {
            if (!writer.isOpen()) {
                openWriter(writerNo);  // an interrupted append closed it; what it left is written past
            }
            if (writerEnd > 0 && writerEnd + recordBytes > maxFileBytes) {
                writer.force(false);
                writer.close();
                earlierFiles += writerEnd;
                openWriter(writerNo + 1);
            }
            ByteBuffer record = ByteBuffer.allocate(HEADER_BYTES).putInt(MAGIC).putInt(body.length).flip();
            ByteBuffer[] parts = {record, ByteBuffer.wrap(body)};
            writer.position(writerEnd);
            while (parts[1].hasRemaining()) {
                writer.write(parts);
            }
            writer.force(false);
            Location at = new Location(writerNo, writerEnd);
            writerEnd += recordBytes;
            return at;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append a block body to " + file(writerNo) + ": " + e.getMessage(), e);
        }
    }

    /**
     * The body of {@code size} bytes whose record starts at {@code at}.
     *
     * @throws CorruptChainDataException if the file is missing or short, or the record there is not that body's
     */
    public byte[] read(Location at, int size) {
        if (size <= 0 || size > ProtocolLimits.MAX_BLOCK_BYTES || at.fileNo() < 0 || at.offset() < 0) {
            throw new CorruptChainDataException("block_body names a record of " + size + " bytes at " + at
                    + ", outside what a block file holds; run --numi.command=reindex");
        }
        if (closed) {
            throw new IllegalStateException("the block files in " + directory + " are closed");
        }
        ByteBuffer record = ByteBuffer.allocate(HEADER_BYTES + size);
        FileChannel channel = null;
        try {
            channel = reader(at.fileNo());
            while (record.hasRemaining()) {
                if (channel.read(record, at.offset() + record.position()) < 0) {
                    throw corrupt(at, "the file ends " + record.position() + " bytes into the record of " + (HEADER_BYTES + size));
                }
            }
        } catch (NoSuchFileException e) {
            throw corrupt(at, "the file is missing");
        } catch (ClosedChannelException e) {
            // an interrupted reader closes the shared channel (ClosedByInterruptException): the next read opens it again
            readers.remove(at.fileNo(), channel);
            throw new UncheckedIOException("reading " + file(at.fileNo()) + " was interrupted", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file(at.fileNo()) + ": " + e.getMessage(), e);
        }
        record.flip();
        int magic = record.getInt();
        int length = record.getInt();
        if (magic != MAGIC || length != size) {
            throw corrupt(at, magic != MAGIC ? "no record starts there" : "the record there holds " + length + " bytes, not " + size);
        }
        byte[] body = new byte[size];
        record.get(body);
        return body;
    }

    /**
     * The columns of {@code block_body} (under {@code alias}) that {@link #bodyOf} reads, for a SELECT list:
     * {@code d.body, d.file_no, d.file_offset, d.size} for alias {@code d}.
     */
    public static String bodyColumns(String alias) {
        return alias + ".body, " + alias + ".file_no, " + alias + ".file_offset, " + alias + ".size";
    }

    /**
     * The body of a {@code block_body} row selected with its {@link #bodyColumns}: inline (restored from a backup, or stored before V10) or
     * read from its file; null when the row is absent (an outer join found none).
     */
    public byte[] bodyOf(ResultSet rs) throws SQLException {
        byte[] inline = rs.getBytes("body");
        if (inline != null) {
            return inline;
        }
        Integer fileNo = rs.getObject("file_no", Integer.class);
        if (fileNo == null) {
            return null;
        }
        return read(new Location(fileNo, rs.getLong("file_offset")), rs.getInt("size"));
    }

    @Override
    public synchronized void close() {
        closed = true;
        try {
            writer.close();
            for (FileChannel channel : readers.values()) {
                channel.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the block files in " + directory, e);
        }
        readers.clear();
    }

    private void openWriter(int fileNo) throws IOException {
        Path path = file(fileNo);
        boolean created = !Files.exists(path);
        writer = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        writerNo = fileNo;
        writerEnd = writer.size();  // a torn record at the end is written past: no row names it
        if (created) {
            try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
                dir.force(true);  // the new file's name is durable before a row names a record in it
            }
        }
    }

    private FileChannel reader(int fileNo) throws IOException {
        FileChannel channel = readers.get(fileNo);
        if (channel != null) {
            return channel;
        }
        synchronized (readers) {
            channel = readers.get(fileNo);
            if (channel == null) {
                channel = FileChannel.open(file(fileNo), StandardOpenOption.READ);
                readers.put(fileNo, channel);
            }
            return channel;
        }
    }

    private Path file(int fileNo) {
        return directory.resolve(String.format("blk%05d.dat", fileNo));
    }

    private CorruptChainDataException corrupt(Location at, String why) {
        return new CorruptChainDataException("the block body at " + file(at.fileNo()) + " offset " + at.offset() + " is unreadable: "
                + why + "; restart the node so the integrity check marks it for re-download");
    }
}
