package io.numicoin.p2p.gossipsub.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.p2p.gossipsub.GossipConfig;
import io.numicoin.p2p.gossipsub.GossipListener;
import io.numicoin.p2p.gossipsub.MessageSigner;
import io.numicoin.p2p.gossipsub.PublishResult;
import io.numicoin.p2p.gossipsub.ReceivedMessage;
import io.numicoin.p2p.gossipsub.SignaturePolicy;
import io.numicoin.p2p.gossipsub.ValidationResult;
import io.numicoin.p2p.gossipsub.rpc.Blob;
import io.numicoin.p2p.host.HostConfig;
import io.numicoin.p2p.host.netty.NettyHost;
import io.numicoin.p2p.identity.NodeIdentity;
import io.numicoin.p2p.multiaddr.Multiaddr;
import io.numicoin.p2p.peer.PeerId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Gossipsub between real hosts over 127.0.0.1: A — B — C in a line, StrictSign with the hosts' keys. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GossipsubHostTest {

    private static final String TOPIC = "/numi/regtest/blocks/1";

    private final List<NettyHost> hosts = new ArrayList<>();
    private final List<GossipsubService> services = new ArrayList<>();
    private final List<List<ReceivedMessage>> received = new ArrayList<>();

    @AfterEach
    void close() {
        services.forEach(GossipsubService::close);
        hosts.forEach(NettyHost::close);
    }

    private GossipsubService node() throws Exception {
        NodeIdentity identity = NodeIdentity.generate();
        NettyHost host = NettyHost.create(identity, HostConfig.defaults());
        host.listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")).get(5, TimeUnit.SECONDS);
        MessageSigner signer = MessageSigner.of(identity);
        GossipsubService service = GossipsubService.start(host, GossipConfig.defaults(SignaturePolicy.STRICT_SIGN),
                signer, GossipListener.NONE);
        List<ReceivedMessage> inbox = new CopyOnWriteArrayList<>();
        service.subscribe(TOPIC, m -> {
            inbox.add(m);
            return CompletableFuture.completedFuture(ValidationResult.ACCEPT);
        }).get(5, TimeUnit.SECONDS);
        hosts.add(host);
        services.add(service);
        received.add(inbox);
        return service;
    }

    private void connect(int dialer, int listener) throws Exception {
        NettyHost target = hosts.get(listener);
        hosts.get(dialer).dial(target.listenAddresses().getFirst().withPeerId(target.peerId())).get(5, TimeUnit.SECONDS);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    private int meshSize(int node) {
        return services.get(node).onRouter(r -> r.meshPeers(TOPIC).size()).join();
    }

    @Test
    void messagesCrossALineOfThreeHostsBothWays() throws Exception {
        for (int i = 0; i < 3; i++) {
            node();
        }
        connect(0, 1);
        connect(2, 1);
        await("meshes", () -> meshSize(0) == 1 && meshSize(1) == 2 && meshSize(2) == 1);

        byte[] block = new byte[1_500_000];
        new Random(3).nextBytes(block);
        PublishResult fromA = services.get(0).publish(TOPIC, block).get(5, TimeUnit.SECONDS);
        assertThat(fromA.outcome()).isEqualTo(PublishResult.Outcome.PUBLISHED);
        assertThat(fromA.peers()).isEqualTo(1);
        await("A's block at C", () -> received.get(2).size() == 1);
        ReceivedMessage atC = received.get(2).getFirst();
        assertThat(atC.data()).isEqualTo(Blob.of(block));
        assertThat(atC.propagationSource()).isEqualTo(hosts.get(1).peerId());
        assertThat(atC.message().from()).isEqualTo(Blob.of(hosts.get(0).peerId().toBytes()));

        PublishResult fromC = services.get(2).publish(TOPIC, new byte[] {1, 2, 3}).get(5, TimeUnit.SECONDS);
        await("C's message at A", () -> received.get(0).size() == 1);
        assertThat(received.get(0).getFirst().id()).isEqualTo(fromC.messageId());
        assertThat(received.get(1)).hasSize(2);
        Thread.sleep(300);
        assertThat(received.get(0)).as("no duplicates").hasSize(1);
        assertThat(received.get(2)).hasSize(1);
        assertThat(services.get(0).droppedRpcs()).isZero();
    }

    @Test
    void aDisconnectedPeerLeavesTheMesh() throws Exception {
        node();
        node();
        connect(0, 1);
        await("mesh", () -> meshSize(0) == 1 && meshSize(1) == 1);
        hosts.get(0).disconnect(hosts.get(1).peerId()).get(5, TimeUnit.SECONDS);
        await("mesh emptied", () -> meshSize(0) == 0 && meshSize(1) == 0);
        assertThat(services.get(1).onRouter(r -> r.peers()).join()).isEmpty();
    }
}
