package io.numicoin.p2p.identity;

import io.numicoin.p2p.peer.PeerId;
import io.numicoin.p2p.protobuf.ProtoWriter;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Arrays;

/** A node's Ed25519 identity key pair and the {@link PeerId} it yields. See {@link IdentityFile}. */
public final class NodeIdentity {

    private final PrivateKey privateKey;
    private final Libp2pPublicKey publicKey;
    private final PeerId peerId;

    private NodeIdentity(PrivateKey privateKey, byte[] rawPublicKey) {
        this.privateKey = privateKey;
        this.publicKey = new Libp2pPublicKey(rawPublicKey);
        this.peerId = publicKey.peerId();
    }

    public static NodeIdentity generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new NodeIdentity(pair.getPrivate(), Ed25519.raw(pair.getPublic()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no Ed25519 in this JDK", e);
        }
    }

    /**
     * Rebuilds an identity from its 32-byte seed and 32-byte public key, checking that they belong
     * together. @throws IllegalArgumentException if they do not
     */
    public static NodeIdentity fromKeys(byte[] seed, byte[] rawPublicKey) {
        NodeIdentity identity = new NodeIdentity(Ed25519.privateKey(seed), rawPublicKey.clone());
        byte[] probe = "numicoin identity check".getBytes(StandardCharsets.US_ASCII);
        if (!Ed25519.verify(rawPublicKey, probe, identity.sign(probe))) {
            throw new IllegalArgumentException("the private key does not match the public key");
        }
        return identity;
    }

    public PeerId peerId() {
        return peerId;
    }

    public Libp2pPublicKey publicKey() {
        return publicKey;
    }

    /** The 32-byte Ed25519 private key (RFC 8032 seed), a copy the caller zeroes: to move the key into a keystore. */
    public byte[] seed() {
        return Ed25519.seed(privateKey);
    }

    public byte[] sign(byte[] message) {
        return Ed25519.sign(privateKey, message);
    }

    /** libp2p's private key encoding: {@code PrivateKey { Type = Ed25519, Data = seed || public key }}. */
    byte[] encodePrivateKey() {
        byte[] data = Arrays.copyOf(Ed25519.seed(privateKey), 64);
        System.arraycopy(publicKey.ed25519Key(), 0, data, 32, 32);
        return new ProtoWriter()
                .writeVarint(1, Libp2pPublicKey.KEY_TYPE_ED25519).writeBytes(2, data).toByteArray();
    }

    @Override
    public String toString() {
        return "NodeIdentity[" + peerId + "]";
    }
}
