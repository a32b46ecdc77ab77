package io.numicoin.p2p.host.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.p2p.host.Connection;
import io.numicoin.p2p.host.Direction;
import io.numicoin.p2p.host.HostConfig;
import io.numicoin.p2p.identity.NodeIdentity;
import io.numicoin.p2p.multiaddr.Multiaddr;
import io.numicoin.p2p.protocols.identify.IdentifyMessage;
import io.numicoin.p2p.protocols.identify.IdentifyService;
import io.numicoin.p2p.protocols.ping.PingService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HostTest {

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
    void dialsHandshakesPingsAndIdentifies() throws Exception {
        a = NettyHost.create(NodeIdentity.generate(), HostConfig.defaults().withAgentVersion("a/1"));
        b = NettyHost.create(NodeIdentity.generate(), HostConfig.defaults().withAgentVersion("b/1"));
        Multiaddr addr = b.listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")).get(5, TimeUnit.SECONDS);

        Connection conn = a.dial(addr.withPeerId(b.peerId())).get(5, TimeUnit.SECONDS);
        assertThat(conn.remotePeer()).isEqualTo(b.peerId());
        assertThat(conn.direction()).isEqualTo(Direction.OUTBOUND);

        Duration rtt = a.ping().ping(conn).get(5, TimeUnit.SECONDS);
        assertThat(rtt).isPositive().isLessThan(Duration.ofSeconds(5));

        IdentifyMessage id = a.identify().identify(conn).get(5, TimeUnit.SECONDS);
        assertThat(id.agentVersion()).isEqualTo("b/1");
        assertThat(id.protocols()).contains(IdentifyService.PROTOCOL.value(), PingService.PROTOCOL.value());
        assertThat(id.listenAddrs()).containsExactly(addr);
        assertThat(id.observedAddr()).contains(conn.localAddress());

        Connection back = b.connection(a.peerId()).orElseThrow();
        assertThat(back.direction()).isEqualTo(Direction.INBOUND);
        IdentifyMessage idA = b.identify().identify(back).get(5, TimeUnit.SECONDS);
        assertThat(idA.agentVersion()).isEqualTo("a/1");
        assertThat(b.ping().ping(back).get(5, TimeUnit.SECONDS)).isPositive();
    }
}
