package io.numicoin.node.backup;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Cuts one table's COPY data into length-prefixed chunks and ends the section with its length and hash. */
final class ChunkedSectionWriter extends OutputStream {

    private final DataOutputStream out;
    private final byte[] buffer = new byte[BackupFormat.MAX_CHUNK];
    private final StreamHash hash = new StreamHash(StreamHash.BACKUP);
    private int filled;
    private long total;

    ChunkedSectionWriter(DataOutputStream out) {
        this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            int n = Math.min(len, buffer.length - filled);
            System.arraycopy(b, off, buffer, filled, n);
            filled += n;
            off += n;
            len -= n;
            if (filled == buffer.length) {
                flushChunk();
            }
        }
    }

    private void flushChunk() throws IOException {
        if (filled > 0) {
            out.writeInt(filled);
            out.write(buffer, 0, filled);
            hash.update(buffer, 0, filled);
            total += filled;
            filled = 0;
        }
    }

    /** Writes the last chunk, the end mark, the total length and the hash. */
    void finish() throws IOException {
        flushChunk();
        out.writeInt(0);
        out.writeLong(total);
        out.write(hash.finish().toArray());
    }
}
