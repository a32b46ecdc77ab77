package io.numicoin.p2p.gossipsub;

import io.numicoin.p2p.gossipsub.rpc.Blob;
import io.numicoin.p2p.gossipsub.rpc.Message;
import io.numicoin.p2p.gossipsub.rpc.RpcCodec;
import io.numicoin.p2p.peer.PeerId;
import io.numicoin.p2p.identity.Libp2pPublicKey;
import io.numicoin.p2p.protobuf.ProtobufException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Enforces a {@link SignaturePolicy} on received messages and signs own ones. The signature covers
 * {@code "libp2p-pubsub:"} followed by the message's protobuf without its signature and key fields;
 * the author's Ed25519 key is inlined in its peer id, or given in {@code key} (and must then hash to
 * the peer id).
 */
public final class MessageAuthenticity {

    /** The outcome of checking a received message against the policy. */
    public enum Check {
        VALID,
        /** StrictNoSign: from, seqno, signature or key present. */
        UNEXPECTED_AUTH_FIELDS,
        /** StrictSign: from, seqno or signature missing, or a seqno that is not 8 bytes. */
        MISSING_AUTH_FIELDS,
        /** The author's key is not an Ed25519 key we can read, or {@code key} does not match {@code from}. */
        BAD_AUTHOR_KEY,
        INVALID_SIGNATURE
    }

    private static final byte[] PREFIX = "libp2p-pubsub:".getBytes(StandardCharsets.US_ASCII);

    private MessageAuthenticity() {
    }

    public static Check check(Message m, SignaturePolicy policy) {
        if (policy == SignaturePolicy.STRICT_NO_SIGN) {
            return m.hasOriginFields() ? Check.UNEXPECTED_AUTH_FIELDS : Check.VALID;
        }
        if (m.from() == null || m.seqno() == null || m.signature() == null || m.seqno().size() != 8) {
            return Check.MISSING_AUTH_FIELDS;
        }
        Libp2pPublicKey key = authorKey(m);
        if (key == null) {
            return Check.BAD_AUTHOR_KEY;
        }
        return key.verify(signingPayload(m), m.signature().toArray()) ? Check.VALID : Check.INVALID_SIGNATURE;
    }

    /** The author's peer id, if {@code from} is a well-formed one. */
    public static PeerId author(Message m) {
        if (m.from() == null) {
            return null;
        }
        try {
            return PeerId.fromBytes(m.from().toArray());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Adds the signature (the key is inlined in the Ed25519 peer id, so {@code key} stays absent). */
    public static Message sign(Message unsigned, MessageSigner signer) {
        Message bare = unsigned.withSignature(null, null);
        return bare.withSignature(Blob.of(signer.sign(signingPayload(bare))), null);
    }

    static byte[] signingPayload(Message m) {
        byte[] body = RpcCodec.encode(m.withSignature(null, null));
        byte[] payload = Arrays.copyOf(PREFIX, PREFIX.length + body.length);
        System.arraycopy(body, 0, payload, PREFIX.length, body.length);
        return payload;
    }

    /** The author's key (from {@code key}, or inlined in an identity-multihash peer id), or null. */
    private static Libp2pPublicKey authorKey(Message m) {
        byte[] from = m.from().toArray();
        try {
            if (m.key() != null) {
                Libp2pPublicKey key = Libp2pPublicKey.decode(m.key().toArray());
                return Arrays.equals(key.peerId().toBytes(), from) ? key : null;
            }
            // identity multihash: code 0x00, a one-byte length, then the protobuf PublicKey
            if (from.length > 2 && from[0] == 0x00 && (from[1] & 0xFF) == from.length - 2) {
                return Libp2pPublicKey.decode(Arrays.copyOfRange(from, 2, from.length));
            }
        } catch (ProtobufException | IllegalArgumentException e) {
            return null;
        }
        return null;
    }
}
