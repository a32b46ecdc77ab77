package io.numicoin.node.p2p;

import io.numicoin.node.p2p.sync.SyncCodec;
import io.numicoin.p2p.host.ProtocolId;
import io.numicoin.p2p.protocols.reqresp.RequestResponseProtocol;
import io.numicoin.protocol.codec.BlockCodec;
import io.numicoin.protocol.params.Network;
import io.numicoin.protocol.tx.ProtocolLimits;
import java.time.Duration;

/**
 * The names and size limits of what NumiCoin speaks over libp2p on one network: the two gossip
 * topics and the three request/response protocols of sync. Every limit is checked by the p2p layer
 * before a message is buffered (per-peer message size limits).
 */
public record NetworkProtocols(
        String blocksTopic,
        String txsTopic,
        RequestResponseProtocol status,
        RequestResponseProtocol headers,
        RequestResponseProtocol blocks) {

    public static NetworkProtocols of(Network network, Duration requestTimeout) {
        String prefix = "/numi/" + network.id();
        return new NetworkProtocols(
                prefix + "/blocks/1",
                prefix + "/txs/1",
                new RequestResponseProtocol(ProtocolId.of(prefix + "/status/1"),
                        SyncCodec.STATUS_BYTES_MAX, SyncCodec.STATUS_BYTES_MAX, requestTimeout),
                new RequestResponseProtocol(ProtocolId.of(prefix + "/headers/1"),
                        SyncCodec.HEADERS_REQUEST_BYTES_MAX, SyncCodec.HEADERS_RESPONSE_BYTES_MAX, requestTimeout),
                new RequestResponseProtocol(ProtocolId.of(prefix + "/blocks/1"),
                        32, ProtocolLimits.MAX_BLOCK_BYTES + BlockCodec.PREFIX_SIZE, requestTimeout));
    }
}
