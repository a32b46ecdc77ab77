package io.numicoin.p2p.security.noise;

import io.numicoin.p2p.identity.Libp2pPublicKey;
import io.numicoin.p2p.identity.NodeIdentity;
import io.numicoin.p2p.protobuf.ProtoReader;
import io.numicoin.p2p.protobuf.ProtoWriter;
import io.numicoin.p2p.protobuf.ProtobufException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The libp2p Noise handshake payload: {@code NoiseHandshakePayload { bytes identity_key = 1;
 * bytes identity_sig = 2; NoiseExtensions extensions = 4; }}. The signature is the identity key's
 * over {@code "noise-libp2p-static-key:" || static DH public key}. Extensions are read past.
 */
public record NoiseHandshakePayload(byte[] identityKey, byte[] identitySignature) {

    static final byte[] SIGNATURE_PREFIX = "noise-libp2p-static-key:".getBytes(StandardCharsets.US_ASCII);
    /** Bounds on received fields. */
    static final int MAX_KEY = Libp2pPublicKey.MAX_ENCODED;
    static final int MAX_SIGNATURE = 1024;
    static final int MAX_EXTENSIONS = 4096;

    public NoiseHandshakePayload {
        identityKey = identityKey.clone();
        identitySignature = identitySignature.clone();
    }

    @Override
    public byte[] identityKey() {
        return identityKey.clone();
    }

    @Override
    public byte[] identitySignature() {
        return identitySignature.clone();
    }

    /** The payload this node sends, signing its static DH public key. */
    static NoiseHandshakePayload sign(NodeIdentity identity, byte[] staticPublicKey) {
        return new NoiseHandshakePayload(identity.publicKey().encode(), identity.sign(signedBytes(staticPublicKey)));
    }

    public byte[] encode() {
        return new ProtoWriter().writeBytes(1, identityKey).writeBytes(2, identitySignature).toByteArray();
    }

    public static NoiseHandshakePayload decode(byte[] bytes) throws ProtobufException {
        byte[] key = null;
        byte[] signature = null;
        ProtoReader r = new ProtoReader(bytes);
        while (r.next()) {
            switch (r.field()) {
                case 1 -> key = r.readBytes(MAX_KEY);
                case 2 -> signature = r.readBytes(MAX_SIGNATURE);
                case 4 -> r.readBytes(MAX_EXTENSIONS);
                default -> r.skip();
            }
        }
        if (key == null || signature == null) {
            throw new ProtobufException("handshake payload lacks the identity key or signature");
        }
        return new NoiseHandshakePayload(key, signature);
    }

    /**
     * Checks the signature over the remote's static DH key and returns its identity key.
     * @throws NoiseException on an unsupported key or a bad signature
     */
    Libp2pPublicKey verify(byte[] remoteStaticKey) throws NoiseException {
        Libp2pPublicKey key;
        try {
            key = Libp2pPublicKey.decode(identityKey);
        } catch (ProtobufException e) {
            throw new NoiseException("bad identity key: " + e.getMessage());
        }
        if (!key.verify(signedBytes(remoteStaticKey), identitySignature)) {
            throw new NoiseException("the identity signature over the static key does not verify");
        }
        return key;
    }

    private static byte[] signedBytes(byte[] staticPublicKey) {
        byte[] out = Arrays.copyOf(SIGNATURE_PREFIX, SIGNATURE_PREFIX.length + staticPublicKey.length);
        System.arraycopy(staticPublicKey, 0, out, SIGNATURE_PREFIX.length, staticPublicKey.length);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NoiseHandshakePayload other && Arrays.equals(identityKey, other.identityKey)
                && Arrays.equals(identitySignature, other.identitySignature);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(identityKey) * 31 + Arrays.hashCode(identitySignature);
    }
}
