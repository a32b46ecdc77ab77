package io.numicoin.node.p2p;

import io.numicoin.network.NetworkProtocols;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.numicoin.node.TestChains;
import io.numicoin.network.sync.SyncCodec;
import io.numicoin.p2p.host.Connection;
import io.numicoin.p2p.host.HostConfig;
import io.numicoin.p2p.host.Stream;
import io.numicoin.p2p.host.netty.NettyHost;
import io.numicoin.p2p.identity.NodeIdentity;
import io.numicoin.p2p.multiaddr.Multiaddr;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.codec.BlockCodec;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.tx.TransferTx;
import io.numicoin.testkit.ChainBuilder;
import io.numicoin.testkit.TestKeys;
import io.numicoin.testkit.kafka.EmbeddedKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A peer asks a real node for a 1.6 MB block 256 times at once and never reads an answer: the
 * node's queued outbound bytes for it stay under {@code numi.p2p.host.max-queued-per-connection}
 * (32 MiB; the requests ask for about 400 MB), the streams it cannot send are reset and then the
 * peer is disconnected.
 */
class BlockRequestBackpressureIT {

    @Test
    void twoHundredFiftySixUnreadBlockRequestsKeepQueuedBytesUnderTheCap() throws Exception {
        ChainBuilder builder = ChainBuilder.regtest();
        List<Block> chain = new ArrayList<>(TestChains.funded(builder, 1));
        List<TransferTx> transfers = new ArrayList<>();
        for (int i = 1; i <= 300; i++) {
            transfers.add(builder.transfer(1, TestKeys.address(2), 1_000, 1_000, i));
        }
        Block big = builder.child(chain.getLast()).transfers(transfers).build();
        chain.add(big);
        int bigBytes = BlockCodec.encode(big).length;
        assertThat(bigBytes).isGreaterThan(1_500_000);

        try (EmbeddedKafka kafka = EmbeddedKafka.launch();
                TestNode server = TestNode.start("bp0", kafka, false, List.of(),
                        "--numi.p2p.host.write-stall-timeout=10s", "--numi.p2p.peers.exempt-loopback=false");
                NettyHost attacker = NettyHost.create(NodeIdentity.generate(), HostConfig.defaults().withMaxStreamsPerConnection(512))) {
            chain.forEach(server::submit);
            assertThat(server.tip()).isEqualTo(BlockHeaderCodec.id(big.header()));
            NettyHost host = server.context.getBean(NettyHost.class);
            int cap = HostConfig.defaults().maxQueuedBytesPerConnection();

            Connection connection = attacker.dial(Multiaddr.parse(server.address())).get(10, TimeUnit.SECONDS);
            NetworkProtocols protocols = NetworkProtocols.of(builder.params().network(), Duration.ofSeconds(60));
            byte[] request = SyncCodec.encodeBlockRequest(BlockHeaderCodec.id(big.header()));
            List<CompletableFuture<Stream>> requests = new ArrayList<>();
            for (int i = 0; i < 256; i++) {
                requests.add(connection.newStream(protocols.blocks().id()).whenComplete((s, e) -> {
                    if (s != null) {
                        s.pauseReading(); // asks for the block, never reads it
                        s.writeFrame(request);
                        s.closeWrite();
                    }
                }));
            }

            await().atMost(Duration.ofSeconds(120)).until(() -> !connection.isOpen());
            assertThat(host.peakQueuedOutboundBytes()).isGreaterThan(bigBytes).isLessThanOrEqualTo(cap);
            assertThat(server.peers()).doesNotContain(attacker.peerId());
        }
    }
}
