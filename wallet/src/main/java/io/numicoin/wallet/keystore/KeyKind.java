package io.numicoin.wallet.keystore;

import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.crypto.MlDsaPrivateKey;
import io.numicoin.protocol.crypto.MlDsaProviders;
import io.numicoin.protocol.crypto.MlDsaPublicKey;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * What a keystore holds: the kind's name in the file, the length of its secret and public key,
 * and how the public key follows from the secret (checked after every decryption).
 */
public enum KeyKind {

    /** A wallet key: the 32-byte FIPS 204 seed ξ of an ML-DSA-65 key; public key 1,952 bytes. */
    ML_DSA_65_SEED("ml-dsa-65-seed", MlDsaPrivateKey.SIZE, MlDsaPublicKey.SIZE) {
        @Override
        public byte[] publicKeyOf(byte[] secret) {
            return MlDsaProviders.preferred().publicKey(new MlDsaPrivateKey(Bytes.of(secret))).bytes().toArray();
        }
    },

    /** A node identity key: the 32-byte Ed25519 private key (RFC 8032 seed); public key 32 bytes. */
    ED25519("ed25519", 32, 32) {
        @Override
        public byte[] publicKeyOf(byte[] secret) {
            return new Ed25519PrivateKeyParameters(secret, 0).generatePublicKey().getEncoded();
        }
    };

    /** Longest kind name the format allows. */
    public static final int MAX_ID_LENGTH = 32;

    private final String id;
    private final int secretLength;
    private final int publicKeyLength;

    KeyKind(String id, int secretLength, int publicKeyLength) {
        this.id = id;
        this.secretLength = secretLength;
        this.publicKeyLength = publicKeyLength;
    }

    /** The name written in the file's {@code kind} field. */
    public String id() {
        return id;
    }

    public int secretLength() {
        return secretLength;
    }

    public int publicKeyLength() {
        return publicKeyLength;
    }

    /** The public key of {@code secret} (which must be {@link #secretLength()} bytes). */
    public abstract byte[] publicKeyOf(byte[] secret);

    public static Optional<KeyKind> ofId(String id) {
        return Arrays.stream(values()).filter(kind -> kind.id.equals(id)).findFirst();
    }
}
