package io.numicoin.network;

import io.numicoin.network.peers.PeerExchangeCodec;
import io.numicoin.network.sync.SyncCodec;
import io.numicoin.p2p.host.ProtocolId;
import io.numicoin.p2p.protocols.reqresp.RequestResponseProtocol;
import io.numicoin.protocol.codec.BlockCodec;
import io.numicoin.protocol.params.Network;
import io.numicoin.protocol.tx.ProtocolLimits;
import java.time.Duration;

/**
 * The names and size limits of what NumiCoin speaks over libp2p on one network: the two gossip
 * topics ({@code /numi/<network>/blocks/1} carrying blocks as {@link BlockCodec} encodes them,
 * {@code /numi/<network>/txs/1} carrying transactions as {@code TransactionCodec} encodes them),
 * the three request/response protocols of sync (status, headers, blocks; messages in
 * {@link SyncCodec}) and peer exchange (peers; messages in {@link PeerExchangeCodec}). Every limit
 * is checked by the p2p layer before a message is buffered (per-peer message size limits).
 */
public record NetworkProtocols(
        String blocksTopic,
        String txsTopic,
        RequestResponseProtocol status,
        RequestResponseProtocol headers,
        RequestResponseProtocol blocks,
        RequestResponseProtocol peers) {

    /** Peer exchange answers within this, whatever the sync request timeout. */
    public static final Duration PEER_EXCHANGE_TIMEOUT = Duration.ofSeconds(10);

    /** @param requestTimeout how long the status, headers and blocks requests wait for an answer */
    public static NetworkProtocols of(Network network, Duration requestTimeout) {
        String prefix = prefix(network);
        return new NetworkProtocols(
                prefix + "/blocks/1",
                prefix + "/txs/1",
                new RequestResponseProtocol(ProtocolId.of(prefix + "/status/1"),
                        SyncCodec.STATUS_BYTES_MAX, SyncCodec.STATUS_BYTES_MAX, requestTimeout),
                new RequestResponseProtocol(ProtocolId.of(prefix + "/headers/1"),
                        SyncCodec.HEADERS_REQUEST_BYTES_MAX, SyncCodec.HEADERS_RESPONSE_BYTES_MAX, requestTimeout),
                new RequestResponseProtocol(ProtocolId.of(prefix + "/blocks/1"),
                        32, ProtocolLimits.MAX_BLOCK_BYTES + BlockCodec.PREFIX_SIZE, requestTimeout),
                peerExchange(network));
    }

    /** {@code /numi/<network>/peers/1}, answered within {@link #PEER_EXCHANGE_TIMEOUT}. */
    public static RequestResponseProtocol peerExchange(Network network) {
        return new RequestResponseProtocol(ProtocolId.of(prefix(network) + "/peers/1"),
                PeerExchangeCodec.MAX_REQUEST_BYTES, PeerExchangeCodec.MAX_RESPONSE_BYTES, PEER_EXCHANGE_TIMEOUT);
    }

    private static String prefix(Network network) {
        return "/numi/" + network.id();
    }
}
