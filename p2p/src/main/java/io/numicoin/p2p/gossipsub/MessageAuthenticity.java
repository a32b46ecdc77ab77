package io.numicoin.p2p.gossipsub;

import io.numicoin.p2p.gossipsub.rpc.Blob;
import io.numicoin.p2p.gossipsub.rpc.Message;
import io.numicoin.p2p.gossipsub.rpc.RpcCodec;
import io.numicoin.p2p.peer.PeerId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

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
    private static final byte[] X509_ED25519 = HexFormat.of().parseHex("302a300506032b6570032100");
    /** Protobuf PublicKey { Type: Ed25519, Data: 32 bytes } header. */
    private static final byte[] ED25519_KEY_HEADER = {0x08, 0x01, 0x12, 0x20};

    private MessageAuthenticity() {
    }

    public static Check check(Message m, SignaturePolicy policy) {
        if (policy == SignaturePolicy.STRICT_NO_SIGN) {
            return m.hasOriginFields() ? Check.UNEXPECTED_AUTH_FIELDS : Check.VALID;
        }
        if (m.from() == null || m.seqno() == null || m.signature() == null || m.seqno().size() != 8) {
            return Check.MISSING_AUTH_FIELDS;
        }
        byte[] rawKey = authorKey(m);
        if (rawKey == null) {
            return Check.BAD_AUTHOR_KEY;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509(rawKey))));
            verifier.update(signingPayload(m));
            return verifier.verify(m.signature().toArray()) ? Check.VALID : Check.INVALID_SIGNATURE;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Check.INVALID_SIGNATURE;
        }
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

    /** The raw Ed25519 key of the author, or null if there is none we accept. */
    private static byte[] authorKey(Message m) {
        byte[] from = m.from().toArray();
        if (m.key() != null) {
            byte[] key = m.key().toArray();
            if (!isEd25519PublicKey(key, 0, key.length)) {
                return null;
            }
            byte[] raw = Arrays.copyOfRange(key, 4, 36);
            return Arrays.equals(PeerId.fromEd25519PublicKey(raw).toBytes(), from) ? raw : null;
        }
        // identity multihash: 0x00, length 36, then the protobuf PublicKey
        if (from.length == 38 && from[0] == 0x00 && from[1] == 36 && isEd25519PublicKey(from, 2, 36)) {
            return Arrays.copyOfRange(from, 6, 38);
        }
        return null;
    }

    private static boolean isEd25519PublicKey(byte[] bytes, int offset, int length) {
        return length == 36 && Arrays.equals(bytes, offset, offset + 4, ED25519_KEY_HEADER, 0, 4);
    }

    private static byte[] x509(byte[] rawKey) {
        byte[] encoded = Arrays.copyOf(X509_ED25519, X509_ED25519.length + 32);
        System.arraycopy(rawKey, 0, encoded, X509_ED25519.length, 32);
        return encoded;
    }
}
