package io.numicoin.p2p.security.noise;

import io.numicoin.p2p.identity.Libp2pPublicKey;
import io.numicoin.p2p.identity.NodeIdentity;
import io.numicoin.p2p.protobuf.ProtobufException;
import java.security.KeyPair;
import java.util.Arrays;

/**
 * The Noise XX handshake as libp2p runs it ({@code Noise_XX_25519_ChaChaPoly_SHA256}, empty
 * prologue): {@code -> e}, {@code <- e, ee, s, es + payload}, {@code -> s, se + payload}. The
 * static DH key is fresh per handshake; identity comes from the signed payload. Message methods
 * must be called in the order of the pattern for the role.
 */
public final class NoiseXxHandshake {

    /** Longest Noise message (the 2-byte length prefix). */
    public static final int MAX_MESSAGE = 65535;

    private final boolean initiator;
    private final NodeIdentity identity;
    private final SymmetricState state = new SymmetricState();
    private final KeyPair staticKey = X25519.generate();
    private KeyPair ephemeral;
    private byte[] remoteEphemeral;
    private byte[] remoteStatic;
    private Libp2pPublicKey remoteIdentity;

    public NoiseXxHandshake(boolean initiator, NodeIdentity identity) {
        this.initiator = initiator;
        this.identity = identity;
        state.mixHash(new byte[0]); // empty prologue
    }

    public boolean isInitiator() {
        return initiator;
    }

    /** Initiator: {@code -> e} with an empty payload. */
    public byte[] writeMessage1() {
        ephemeral = X25519.generate();
        byte[] e = X25519.raw(ephemeral.getPublic());
        state.mixHash(e);
        byte[] payload = state.encryptAndHash(new byte[0]);
        return concat(e, payload);
    }

    /** Responder: reads {@code -> e}. */
    public void readMessage1(byte[] message) throws NoiseException {
        if (message.length < X25519.KEY_BYTES) {
            throw new NoiseException("first handshake message too short");
        }
        remoteEphemeral = Arrays.copyOf(message, X25519.KEY_BYTES);
        state.mixHash(remoteEphemeral);
        state.decryptAndHash(Arrays.copyOfRange(message, X25519.KEY_BYTES, message.length));
    }

    /** Responder: {@code <- e, ee, s, es} and its signed payload. */
    public byte[] writeMessage2() throws NoiseException {
        ephemeral = X25519.generate();
        byte[] e = X25519.raw(ephemeral.getPublic());
        state.mixHash(e);
        state.mixKey(X25519.agree(ephemeral, remoteEphemeral));
        byte[] s = state.encryptAndHash(X25519.raw(staticKey.getPublic()));
        state.mixKey(X25519.agree(staticKey, remoteEphemeral));
        byte[] payload = state.encryptAndHash(ownPayload());
        return concat(concat(e, s), payload);
    }

    /** Initiator: reads {@code <- e, ee, s, es} and verifies the responder's payload. */
    public void readMessage2(byte[] message) throws NoiseException {
        int sLength = X25519.KEY_BYTES + CipherState.TAG_BYTES;
        if (message.length < X25519.KEY_BYTES + sLength + CipherState.TAG_BYTES) {
            throw new NoiseException("second handshake message too short");
        }
        remoteEphemeral = Arrays.copyOf(message, X25519.KEY_BYTES);
        state.mixHash(remoteEphemeral);
        state.mixKey(X25519.agree(ephemeral, remoteEphemeral));
        remoteStatic = state.decryptAndHash(Arrays.copyOfRange(message, X25519.KEY_BYTES, X25519.KEY_BYTES + sLength));
        state.mixKey(X25519.agree(ephemeral, remoteStatic));
        byte[] payload = state.decryptAndHash(Arrays.copyOfRange(message, X25519.KEY_BYTES + sLength, message.length));
        remoteIdentity = verifyPayload(payload);
    }

    /** Initiator: {@code -> s, se} and its signed payload. */
    public byte[] writeMessage3() throws NoiseException {
        byte[] s = state.encryptAndHash(X25519.raw(staticKey.getPublic()));
        state.mixKey(X25519.agree(staticKey, remoteEphemeral));
        byte[] payload = state.encryptAndHash(ownPayload());
        return concat(s, payload);
    }

    /** Responder: reads {@code -> s, se} and verifies the initiator's payload. */
    public void readMessage3(byte[] message) throws NoiseException {
        int sLength = X25519.KEY_BYTES + CipherState.TAG_BYTES;
        if (message.length < sLength + CipherState.TAG_BYTES) {
            throw new NoiseException("third handshake message too short");
        }
        remoteStatic = state.decryptAndHash(Arrays.copyOf(message, sLength));
        state.mixKey(X25519.agree(ephemeral, remoteStatic));
        byte[] payload = state.decryptAndHash(Arrays.copyOfRange(message, sLength, message.length));
        remoteIdentity = verifyPayload(payload);
    }

    /** The remote's verified identity key (after its payload was read). */
    public Libp2pPublicKey remoteIdentity() {
        if (remoteIdentity == null) {
            throw new IllegalStateException("the remote payload has not been read");
        }
        return remoteIdentity;
    }

    /** The transport ciphers once the handshake is complete: {@code [send, receive]} for this role. */
    public CipherState[] split() {
        CipherState[] pair = state.split();
        return initiator ? pair : new CipherState[] {pair[1], pair[0]};
    }

    private byte[] ownPayload() {
        return NoiseHandshakePayload.sign(identity, X25519.raw(staticKey.getPublic())).encode();
    }

    private Libp2pPublicKey verifyPayload(byte[] payload) throws NoiseException {
        try {
            return NoiseHandshakePayload.decode(payload).verify(remoteStatic);
        } catch (ProtobufException e) {
            throw new NoiseException("bad handshake payload: " + e.getMessage());
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
