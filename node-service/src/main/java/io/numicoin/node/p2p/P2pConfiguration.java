package io.numicoin.node.p2p;

import io.numicoin.node.p2p.hooks.PeerActivity;
import io.numicoin.node.p2p.hooks.PeerConnector;
import io.numicoin.node.p2p.hooks.PeerPenalty;
import io.numicoin.network.NetworkProtocols;
import io.numicoin.p2p.gossipsub.GossipListener;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.numicoin.node.bus.ChainEventBus;
import io.numicoin.node.chain.NodeChainService;
import io.numicoin.node.identity.NodeKeyProperties;
import io.numicoin.node.p2p.gossip.BlockGossip;
import io.numicoin.node.p2p.gossip.LocalBlockAnnouncer;
import io.numicoin.node.p2p.gossip.MempoolRelayListener;
import io.numicoin.node.p2p.gossip.TransactionGossip;
import io.numicoin.node.p2p.sync.ChainSync;
import io.numicoin.node.p2p.sync.HeaderPowVerifier;
import io.numicoin.node.p2p.sync.LocalChain;
import io.numicoin.node.p2p.sync.SyncServer;
import io.numicoin.node.query.ChainQueries;
import io.numicoin.node.relay.TransactionRelay;
import io.numicoin.p2p.host.netty.NettyHost;
import io.numicoin.protocol.chain.MinimumChainWork;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.protocol.pow.Argon2idProvider;
import io.numicoin.protocol.validation.TransactionRules;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The node on the network ({@code numi.p2p.enabled}, default on; only when serving): host, sync,
 * gossip, the default peer penalty, the operator's network switch and, with {@code numi.p2p.mempool-relay.enabled}, the relay of
 * mempool-accepted transfers.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = {"numi.p2p.enabled"}, havingValue = "true", matchIfMissing = true)
@ConditionalOnProperty(name = "numi.command", havingValue = "serve", matchIfMissing = true)
public class P2pConfiguration {

    @Bean
    NetworkProtocols networkProtocols(NetworkParams params, P2pProperties properties) {
        return NetworkProtocols.of(params.network(), properties.sync().requestTimeout());
    }

    @Bean
    @ConditionalOnMissingBean
    PeerPenalty peerPenalty(ObjectProvider<PeerConnector> connector, MeterRegistry meters) {
        return new DisconnectingPeerPenalty(connector, meters);
    }

    @Bean(destroyMethod = "close")
    LocalChain p2pLocalChain(NodeChainService chain, P2pProperties properties) {
        return new LocalChain(chain, properties.sync().checkAhead());
    }

    @Bean(destroyMethod = "close")
    HeaderPowVerifier headerPowVerifier(NetworkParams params, P2pProperties properties, Argon2idProvider argon2) {
        int threads = properties.sync().powThreads() > 0 ? properties.sync().powThreads() : Runtime.getRuntime().availableProcessors();
        return new HeaderPowVerifier(params.pow(), threads, argon2);
    }

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService p2pWorkers() {
        return Executors.newVirtualThreadPerTaskExecutor();
    }

    /** The host from the node key; it listens once {@link NodeP2pService} starts. */
    @Bean(destroyMethod = "close")
    NettyHost p2pHost(P2pProperties properties, HostLimitsProperties limits, NodeKeyProperties nodeKey, MeterRegistry meters) {
        NettyHost host = NodeP2pService.createHost(properties, limits, nodeKey);
        Gauge.builder("numi.p2p.queued_outbound_bytes", host, NettyHost::queuedOutboundBytes)
                .description("Outbound bytes held for peers (yamux queues and socket buffers), all connections").register(meters);
        Gauge.builder("numi.p2p.pending_inbound", host, NettyHost::pendingInbound)
                .description("Inbound sockets still in their handshake").register(meters);
        return host;
    }

    @Bean
    ChainSync chainSync(NettyHost p2pHost, NetworkProtocols protocols, LocalChain chain, HeaderPowVerifier pow,
            PeerPenalty penalty, ObjectProvider<PeerActivity> activity, P2pProperties properties, NetworkParams params) {
        // The configured minimum can only raise the network's.
        return new ChainSync(p2pHost, protocols, chain, pow, penalty, activity(activity), properties.sync(),
                properties.minimumChainWork().max(MinimumChainWork.of(params)));
    }

    /** {@code numi.p2p.sync.header_pow_checks}: Argon2id runs spent verifying headers from peers. */
    @Bean
    FunctionCounter headerPowChecksCounter(HeaderPowVerifier pow, MeterRegistry meters) {
        return FunctionCounter.builder("numi.p2p.sync.header_pow_checks", pow, HeaderPowVerifier::argon2Runs)
                .description("Argon2id evaluations spent verifying headers from peers").register(meters);
    }

    @Bean
    BlockGossip blockGossip(LocalChain chain, ChainSync sync, PeerPenalty penalty, ObjectProvider<PeerActivity> activity) {
        return new BlockGossip(chain, sync, penalty, activity(activity));
    }

    @Bean
    TransactionGossip transactionGossip(TransactionRules rules, TransactionRelay relay, PeerPenalty penalty, ExecutorService p2pWorkers,
            ObjectProvider<PeerActivity> activity) {
        TransactionGossip gossip = new TransactionGossip(rules, relay,
                penalty, p2pWorkers, activity(activity));
        relay.broadcastVia(gossip);
        return gossip;
    }

    @Bean
    NodeP2pService nodeP2pService(P2pProperties properties, NettyHost p2pHost, NetworkProtocols protocols, ChainSync sync,
            LocalChain chain, ChainQueries queries, BlockGossip blocks, TransactionGossip transactions, ExecutorService p2pWorkers,
            ObjectProvider<GossipListener> gossipListener, ObjectProvider<PeerActivity> activity, PeerPenalty penalty) {
        // Discovery's PeerExchangeHints hears gossipsub's PRUNE peer-exchange hints, when discovery is wired.
        SyncServer server = new SyncServer(chain, queries, sync, p2pWorkers, activity(activity), penalty);
        return new NodeP2pService(properties, p2pHost, protocols, sync, server, blocks,
                transactions, gossipListener.getIfAvailable(() -> GossipListener.NONE));
    }

    /** The operator's switch for p2p networking ({@code POST /admin/network-off|on} on the management port). */
    @Bean
    NetworkSwitch networkSwitch(NettyHost p2pHost, NodeP2pService service, MeterRegistry meters) {
        return new NetworkSwitch(p2pHost, service::dialBootstrapNow, meters);
    }

    @Bean
    NetworkSwitchOperation networkOffOperation(NetworkSwitch networkSwitch) {
        return NetworkSwitchOperation.off(networkSwitch);
    }

    @Bean
    NetworkSwitchOperation networkOnOperation(NetworkSwitch networkSwitch) {
        return NetworkSwitchOperation.on(networkSwitch);
    }

    /** The peers package's {@link PeerActivity} (eviction protection, heights, rate limits), or none. */
    private static PeerActivity activity(ObjectProvider<PeerActivity> activity) {
        return activity.getIfAvailable(() -> PeerActivity.NONE);
    }

    /** {@code numi.p2p.peers}: peers connected now. */
    @Bean
    Gauge p2pPeersGauge(NodeP2pService service, MeterRegistry meters) {
        return Gauge.builder("numi.p2p.peers", service, s -> s.isRunning() ? s.connectedPeers().size() : 0)
                .description("Peers connected now").register(meters);
    }

    /** {@code numi.p2p.sync.unfollowable_chains}: peers whose chain forks below this node's snapshot base. */
    @Bean
    FunctionCounter unfollowableChainsCounter(ChainSync sync, MeterRegistry meters) {
        return FunctionCounter.builder("numi.p2p.sync.unfollowable_chains", sync, ChainSync::unfollowableChains)
                .description("Peers whose chain forks below the snapshot base (not followed, not penalised)").register(meters);
    }

    /** {@code numi.p2p.sync.block_requests}: block bodies sync asked peers for. */
    @Bean
    FunctionCounter blockRequestsCounter(ChainSync sync, MeterRegistry meters) {
        return FunctionCounter.builder("numi.p2p.sync.block_requests", sync, ChainSync::blockRequests)
                .description("Block bodies requested from peers by sync").register(meters);
    }

    /** {@code numi.p2p.sync.blocks_already_known}: requested bodies the chain already had (asked twice, or gossiped meanwhile). */
    @Bean
    FunctionCounter blocksAlreadyKnownCounter(ChainSync sync, MeterRegistry meters) {
        return FunctionCounter.builder("numi.p2p.sync.blocks_already_known", sync, ChainSync::blocksAlreadyKnown)
                .description("Requested block bodies that were already stored when imported").register(meters);
    }

    @Bean(destroyMethod = "close")
    LocalBlockAnnouncer localBlockAnnouncer(ChainEventBus bus, LocalChain chain, ChainQueries queries, BlockGossip blocks) {
        return new LocalBlockAnnouncer(bus, chain, queries, blocks);
    }

    @Bean
    @ConditionalOnProperty(name = "numi.p2p.mempool-relay.enabled", havingValue = "true")
    MempoolRelayListener mempoolRelayListener(TransactionGossip transactions, TransactionRules rules, NetworkParams params) {
        return new MempoolRelayListener(transactions, rules, params.chainId());
    }
}
