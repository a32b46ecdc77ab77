package io.numicoin.node.backup;

import io.numicoin.protocol.hash.Hash256;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.Blake3Digest;
import org.bouncycastle.crypto.params.Blake3Parameters;

/**
 * An incremental BLAKE3-256 in derive-key mode, for files too large to hash in one array (backup
 * sections, whole files, snapshot chunks). The contexts are the node's own file formats', not
 * consensus domains, so they live here rather than in {@code HashDomain}.
 */
public final class StreamHash {

    /** A backup file's table sections and its whole-file trailer. */
    public static final String BACKUP = "numi/node/backup";
    /** A snapshot file's chunks. */
    public static final String SNAPSHOT_CHUNK = "numi/node/snapshot/chunk";
    public static final String SNAPSHOT_HEADERS = "numi/node/snapshot/headers";

    private final Blake3Digest digest = new Blake3Digest(Hash256.SIZE * 8);

    public StreamHash(String context) {
        digest.init(Blake3Parameters.context(context.getBytes(StandardCharsets.US_ASCII)));
    }

    public static Hash256 of(String context, byte[] data) {
        return new StreamHash(context).update(data, 0, data.length).finish();
    }

    public StreamHash update(byte[] data, int offset, int length) {
        digest.update(data, offset, length);
        return this;
    }

    public Hash256 finish() {
        byte[] out = new byte[Hash256.SIZE];
        digest.doFinal(out, 0, Hash256.SIZE);
        return Hash256.of(out);
    }
}
