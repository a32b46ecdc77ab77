package io.numicoin.p2p.identity;

import io.numicoin.p2p.peer.PeerId;
import io.numicoin.p2p.protobuf.ProtoReader;
import io.numicoin.p2p.protobuf.ProtoWriter;
import io.numicoin.p2p.protobuf.ProtobufException;
import java.util.Arrays;

/**
 * The libp2p {@code PublicKey} protobuf ({@code Type = 1 KeyType, Data = 2 bytes}; libp2p/specs
 * peer-ids). Only Ed25519 keys (type 1) are accepted: they are what every libp2p implementation
 * uses by default, and the only type this module can verify.
 */
public record Libp2pPublicKey(byte[] ed25519Key) {

    public static final int KEY_TYPE_ED25519 = 1;
    /** Bound on a received encoding: an Ed25519 key encodes in 36 bytes; RSA ones run larger. */
    public static final int MAX_ENCODED = 1024;

    public Libp2pPublicKey {
        if (ed25519Key.length != Ed25519.KEY_BYTES) {
            throw new IllegalArgumentException("an Ed25519 key has 32 bytes");
        }
        ed25519Key = ed25519Key.clone();
    }

    @Override
    public byte[] ed25519Key() {
        return ed25519Key.clone();
    }

    public static Libp2pPublicKey decode(byte[] encoded) throws ProtobufException {
        if (encoded.length > MAX_ENCODED) {
            throw new ProtobufException("public key encoding longer than " + MAX_ENCODED);
        }
        ProtoReader r = new ProtoReader(encoded);
        Long type = null;
        byte[] data = null;
        while (r.next()) {
            switch (r.field()) {
                case 1 -> type = r.readVarint();
                case 2 -> data = r.readBytes(MAX_ENCODED);
                default -> r.skip();
            }
        }
        if (type == null || data == null) {
            throw new ProtobufException("public key lacks its type or data");
        }
        if (type != KEY_TYPE_ED25519) {
            throw new ProtobufException("unsupported public key type " + type);
        }
        if (data.length != Ed25519.KEY_BYTES) {
            throw new ProtobufException("Ed25519 key of " + data.length + " bytes");
        }
        return new Libp2pPublicKey(data);
    }

    public byte[] encode() {
        return new ProtoWriter().writeVarint(1, KEY_TYPE_ED25519).writeBytes(2, ed25519Key).toByteArray();
    }

    public PeerId peerId() {
        return PeerId.fromEd25519PublicKey(ed25519Key);
    }

    public boolean verify(byte[] message, byte[] signature) {
        return Ed25519.verify(ed25519Key, message, signature);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Libp2pPublicKey other && Arrays.equals(ed25519Key, other.ed25519Key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ed25519Key);
    }
}
