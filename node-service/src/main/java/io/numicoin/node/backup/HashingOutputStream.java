package io.numicoin.node.backup;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Passes bytes through and hashes every one of them (the backup file's trailer hash). */
final class HashingOutputStream extends FilterOutputStream {

    private final StreamHash hash;

    HashingOutputStream(OutputStream out, StreamHash hash) {
        super(out);
        this.hash = hash;
    }

    @Override
    public void write(int b) throws IOException {
        hash.update(new byte[] {(byte) b}, 0, 1);
        out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        hash.update(b, off, len);
        out.write(b, off, len);
    }
}
