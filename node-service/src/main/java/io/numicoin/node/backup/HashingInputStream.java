package io.numicoin.node.backup;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Hashes every byte read through it (checking the backup file's trailer). */
final class HashingInputStream extends FilterInputStream {

    private final StreamHash hash;

    HashingInputStream(InputStream in, StreamHash hash) {
        super(in);
        this.hash = hash;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            hash.update(new byte[] {(byte) b}, 0, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            hash.update(b, off, n);
        }
        return n;
    }

    @Override
    public long skip(long n) {
        throw new UnsupportedOperationException("every byte must be hashed");
    }
}
