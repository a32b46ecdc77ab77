package io.numicoin.node.p2p;

import io.numicoin.network.NetworkProtocols;
import io.numicoin.network.sync.ChainStatusMessage;
import io.numicoin.network.sync.SyncCodec;
import io.numicoin.p2p.gossipsub.GossipConfig;
import io.numicoin.p2p.gossipsub.GossipListener;
import io.numicoin.p2p.gossipsub.MessageIdFunction;
import io.numicoin.p2p.gossipsub.MessageValidator;
import io.numicoin.p2p.gossipsub.PublishResult;
import io.numicoin.p2p.gossipsub.SignaturePolicy;
import io.numicoin.p2p.gossipsub.host.GossipsubService;
import io.numicoin.p2p.host.HostConfig;
import io.numicoin.p2p.host.netty.NettyHost;
import io.numicoin.p2p.identity.NodeIdentity;
import io.numicoin.p2p.multiaddr.Multiaddr;
import io.numicoin.p2p.peer.PeerId;
import io.numicoin.p2p.protocols.reqresp.RequestResponse;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.codec.BlockCodec;
import io.numicoin.protocol.params.Network;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A bare libp2p peer speaking NumiCoin's gossip (and, if told, a lying status) without a node
 * behind it: what a misbehaving or minimal peer looks like to a real node.
 */
final class RawPeer implements AutoCloseable {

    final NettyHost host = NettyHost.create(NodeIdentity.generate(), HostConfig.defaults());
    final NetworkProtocols protocols = NetworkProtocols.of(Network.REGTEST, Duration.ofSeconds(5));
    final GossipsubService gossip;

    RawPeer() {
        GossipConfig config = GossipConfig.defaults(SignaturePolicy.STRICT_NO_SIGN).withMessageIdFunction(MessageIdFunction.sha256OfData());
        gossip = GossipsubService.start(host, config, null, GossipListener.NONE);
        gossip.subscribe(protocols.blocksTopic(), MessageValidator.acceptAll()).join();
        host.listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")).join();
    }

    /** Answers status with {@code status} and headers with none: a peer claiming work it does not have. */
    void claim(ChainStatusMessage status) {
        RequestResponse.serve(host, protocols.status(), (peer, request) -> CompletableFuture.completedFuture(SyncCodec.encodeStatus(status)));
        RequestResponse.serve(host, protocols.headers(), (peer, request) -> CompletableFuture.completedFuture(SyncCodec.encodeHeaders(List.of())));
    }

    /** Records every message on the transactions topic (accepting it). */
    void recordTransactions(List<byte[]> into) {
        gossip.subscribe(protocols.txsTopic(), message -> {
            into.add(message.data().toArray());
            return CompletableFuture.completedFuture(io.numicoin.p2p.gossipsub.ValidationResult.ACCEPT);
        }).join();
    }

    PublishResult publishTransaction(byte[] encoded) {
        return gossip.publish(protocols.txsTopic(), encoded).join();
    }

    PeerId peerId() {
        return host.peerId();
    }

    void dial(TestNode node) {
        host.dial(Multiaddr.parse(node.address())).join();
    }

    PublishResult publish(Block block) {
        return gossip.publish(protocols.blocksTopic(), BlockCodec.encode(block)).join();
    }

    @Override
    public void close() {
        gossip.close();
        host.close();
    }
}
