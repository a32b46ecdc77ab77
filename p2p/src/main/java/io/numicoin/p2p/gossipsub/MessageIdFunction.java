package io.numicoin.p2p.gossipsub;

import io.numicoin.p2p.gossipsub.rpc.Blob;
import io.numicoin.p2p.gossipsub.rpc.Message;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Computes a message's id, which deduplication, gossip and scoring key on. Every peer in a topic
 * must use the same function.
 */
@FunctionalInterface
public interface MessageIdFunction {

    Blob id(Message message);

    /** The pubsub default: {@code from ‖ seqno} (origin-stamped messages; go- and js-libp2p's default). */
    static MessageIdFunction fromAndSeqno() {
        return m -> (m.from() == null ? Blob.EMPTY : m.from()).concat(m.seqno() == null ? Blob.EMPTY : m.seqno());
    }

    /** SHA-256 of the data (js-libp2p's default under StrictNoSign). */
    static MessageIdFunction sha256OfData() {
        return m -> {
            try {
                MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
                sha256.update(m.data().asReadOnlyBuffer());
                return Blob.of(sha256.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
        };
    }

    /** The default for a signing policy: origin stamp when signed, a data hash when not. */
    static MessageIdFunction defaultFor(SignaturePolicy policy) {
        return policy == SignaturePolicy.STRICT_SIGN ? fromAndSeqno() : sha256OfData();
    }
}
