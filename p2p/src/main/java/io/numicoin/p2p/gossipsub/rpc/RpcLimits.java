package io.numicoin.p2p.gossipsub.rpc;

/**
 * Bounds the decoder enforces on untrusted RPCs, so a peer cannot make us allocate or loop more than
 * these allow. Counts are per RPC.
 *
 * @param maxRpcBytes         one length-prefixed RPC frame
 * @param maxMessageBytes     one encoded published message (a NumiCoin block of 2 MiB fits the default)
 * @param maxTopicBytes       one topic id, UTF-8
 * @param maxIdBytes          one message id
 * @param maxFieldBytes       from, seqno, signature, key, peer id, signed peer record
 * @param maxSubscriptions    subscription changes
 * @param maxMessages         published messages
 * @param maxControlEntries   IHAVE + IWANT + GRAFT + PRUNE entries
 * @param maxControlIds       message ids across all IHAVE and IWANT entries
 * @param maxPeerInfos        peer exchange entries across all PRUNEs
 */
public record RpcLimits(int maxRpcBytes, int maxMessageBytes, int maxTopicBytes, int maxIdBytes,
                        int maxFieldBytes, int maxSubscriptions, int maxMessages, int maxControlEntries,
                        int maxControlIds, int maxPeerInfos) {

    public static final RpcLimits DEFAULT = new RpcLimits(
            4 << 20, (5 << 20) / 2, 256, 256, 4096, 1024, 1024, 1024, 10_000, 64);

    public RpcLimits {
        if (maxRpcBytes <= 0 || maxMessageBytes <= 0 || maxMessageBytes > maxRpcBytes || maxTopicBytes <= 0
                || maxIdBytes <= 0 || maxFieldBytes <= 0 || maxSubscriptions < 0 || maxMessages < 0
                || maxControlEntries < 0 || maxControlIds < 0 || maxPeerInfos < 0) {
            throw new IllegalArgumentException("inconsistent RPC limits: " + this);
        }
    }

    public RpcLimits withMaxRpcBytes(int bytes) {
        return new RpcLimits(bytes, Math.min(maxMessageBytes, bytes), maxTopicBytes, maxIdBytes, maxFieldBytes,
                maxSubscriptions, maxMessages, maxControlEntries, maxControlIds, maxPeerInfos);
    }

    public RpcLimits withMaxMessageBytes(int bytes) {
        return new RpcLimits(maxRpcBytes, bytes, maxTopicBytes, maxIdBytes, maxFieldBytes,
                maxSubscriptions, maxMessages, maxControlEntries, maxControlIds, maxPeerInfos);
    }
}
