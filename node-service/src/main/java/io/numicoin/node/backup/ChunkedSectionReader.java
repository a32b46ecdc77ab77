package io.numicoin.node.backup;

import io.numicoin.protocol.hash.Hash256;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;

/** One table's data as a stream, read chunk by chunk (each length bounded), hashed as it is read. */
final class ChunkedSectionReader extends InputStream {

    private final DataInputStream in;
    private final String table;
    private final StreamHash hash = new StreamHash(StreamHash.BACKUP);
    private int leftInChunk;
    private boolean ended;
    private long total;

    ChunkedSectionReader(DataInputStream in, String table) {
        this.in = in;
        this.table = table;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (leftInChunk == 0) {
            if (ended) {
                return -1;
            }
            int next = in.readInt();
            if (next < 0 || next > BackupFormat.MAX_CHUNK) {
                throw new IOException("the backup is damaged: table " + table + " has a chunk of " + next + " bytes");
            }
            if (next == 0) {
                ended = true;
                return -1;
            }
            leftInChunk = next;
        }
        int n = in.read(b, off, Math.min(len, leftInChunk));
        if (n < 0) {
            throw new java.io.EOFException("table " + table + " ends inside a chunk");
        }
        hash.update(b, off, n);
        leftInChunk -= n;
        total += n;
        return n;
    }

    /** After all data was read: the stored length and hash must match what was read. */
    void checkEnd() throws IOException, BackupException {
        long storedTotal = in.readLong();
        Hash256 storedHash = Hash256.of(in.readNBytes(Hash256.SIZE));
        if (storedTotal != total || !storedHash.equals(hash.finish())) {
            throw new BackupException("the backup is damaged: table " + table + "'s data does not match its hash");
        }
    }
}
