package io.numicoin.wallet.keystore;

import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.crypto.MlDsaPrivateKey;
import java.util.Arrays;
import java.util.Objects;

/**
 * A decrypted key. Close it as soon as it is used: closing zeroes the secret. The protocol's key
 * types are immutable, so a key obtained from {@link #mlDsaPrivateKey()} cannot be zeroed
 * (docs/keystore.md, "What is cleared").
 */
public final class UnlockedKey implements AutoCloseable {

    private final KeystoreHeader header;
    private final byte[] secret;
    private boolean closed;

    UnlockedKey(KeystoreHeader header, byte[] secret) {
        this.header = Objects.requireNonNull(header, "header");
        this.secret = secret;
    }

    public KeystoreHeader header() {
        return header;
    }

    public KeyKind kind() {
        return header.kind();
    }

    public Bytes publicKey() {
        return header.publicKey();
    }

    /** A copy of the secret; the caller zeroes it. */
    public byte[] secret() {
        checkOpen();
        return secret.clone();
    }

    /** The ML-DSA-65 private key (kind {@code ml-dsa-65-seed} only). */
    public MlDsaPrivateKey mlDsaPrivateKey() {
        checkOpen();
        if (header.kind() != KeyKind.ML_DSA_65_SEED) {
            throw new IllegalStateException("the keystore holds a " + header.kind().id() + " key, not an ML-DSA-65 key");
        }
        return new MlDsaPrivateKey(Bytes.of(secret));
    }

    @Override
    public void close() {
        Arrays.fill(secret, (byte) 0);
        closed = true;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the key was closed (its secret is zeroed)");
        }
    }

    @Override
    public String toString() {
        return "UnlockedKey[" + header.kind().id() + ", secret=<redacted>]";
    }
}
