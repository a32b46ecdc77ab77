package io.numicoin.p2p.host.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.numicoin.p2p.host.Connection;
import io.numicoin.p2p.host.DialException;
import io.numicoin.p2p.host.HostConfig;
import io.numicoin.p2p.identity.NodeIdentity;
import io.numicoin.p2p.multiaddr.Multiaddr;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code setNetworkActive} on real hosts over 127.0.0.1: off closes, refuses and stops dials; on takes connections again. */
class NetworkActiveTest {

    private NettyHost a;
    private NettyHost b;

    @AfterEach
    void close() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    @Test
    void offClosesEveryConnectionRefusesInboundAndDialsAndOnConnectsAgain() throws Exception {
        a = NettyHost.create(NodeIdentity.generate(), HostConfig.defaults());
        b = NettyHost.create(NodeIdentity.generate(), HostConfig.defaults());
        Multiaddr aAddr = listening(a);
        Multiaddr bAddr = listening(b);
        a.dial(bAddr).get(5, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(5)).until(() -> b.connection(a.peerId()).isPresent());

        assertThat(b.setNetworkActive(false)).isEqualTo(1);
        assertThat(b.networkActive()).isFalse();
        await().atMost(Duration.ofSeconds(5)).until(() -> a.connections().isEmpty() && b.connections().isEmpty());
        assertThat(b.setNetworkActive(false)).as("already off").isZero();

        // b still listens, but closes what it accepts; and it dials nobody
        assertThat(b.listenAddresses()).isNotEmpty();
        assertDialFails(a.dial(bAddr));
        assertThat(kindOf(b.dial(aAddr))).isEqualTo(DialException.Kind.NETWORK_INACTIVE);
        assertThat(a.connections()).isEmpty();
        assertThat(b.connections()).isEmpty();

        assertThat(b.setNetworkActive(true)).isZero();
        Connection again = a.dial(bAddr).get(5, TimeUnit.SECONDS);
        assertThat(again.remotePeer()).isEqualTo(b.peerId());
        await().atMost(Duration.ofSeconds(5)).until(() -> b.connection(a.peerId()).isPresent());
    }

    private static Multiaddr listening(NettyHost host) throws Exception {
        return host.listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")).get(5, TimeUnit.SECONDS).withPeerId(host.peerId());
    }

    private static void assertDialFails(CompletableFuture<Connection> dial) {
        assertThatThrownBy(() -> dial.get(15, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(DialException.class);
    }

    private static DialException.Kind kindOf(CompletableFuture<Connection> dial) {
        try {
            dial.get(5, TimeUnit.SECONDS);
            throw new AssertionError("the dial succeeded");
        } catch (ExecutionException e) {
            return ((DialException) e.getCause()).kind();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
