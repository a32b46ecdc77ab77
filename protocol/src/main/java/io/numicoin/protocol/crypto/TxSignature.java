package io.numicoin.protocol.crypto;

import java.util.Objects;

/** One signature over a transaction's txid by the policy key at {@code keyIndex}. */
public record TxSignature(int keyIndex, MlDsaSignature signature) {

    public TxSignature {
        Objects.requireNonNull(signature, "signature");
        if (keyIndex < 0 || keyIndex > 255) {
            throw new IllegalArgumentException("key index " + keyIndex + " is not within 0..255");
        }
    }
}
