package io.numicoin.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.p2p.host.Connection;
import io.numicoin.p2p.host.HostConfig;
import io.numicoin.p2p.host.netty.NettyHost;
import io.numicoin.p2p.identity.NodeIdentity;
import io.numicoin.p2p.multiaddr.Multiaddr;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The compose file's nodes bootstrap from {@code /dns4/node1/tcp/8333}: a DNS name (the compose
 * service, resolved by Docker's DNS) and no {@code /p2p/<id>} (node1's key is made at its first
 * start). The node dials its bootstrap list with {@code host.dial(Multiaddr.parse(...))}; this is
 * that dial, to a host named {@code localhost}, accepting whichever peer answers.
 */
class DnsBootstrapAddressTest {

    private final NettyHost listener = NettyHost.create(NodeIdentity.generate(), HostConfig.defaults());
    private final NettyHost dialler = NettyHost.create(NodeIdentity.generate(), HostConfig.defaults());

    @AfterEach
    void close() {
        dialler.close();
        listener.close();
    }

    @Test
    void aBareDnsAddressReachesThePeerListeningThere() throws Exception {
        Multiaddr bound = listener.listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")).get(10, TimeUnit.SECONDS);
        int port = bound.toTcpSocketAddress().getPort();

        Multiaddr bootstrap = Multiaddr.parse("/dns4/localhost/tcp/" + port);
        assertThat(bootstrap.peerId()).isEmpty();
        Connection connection = dialler.dial(bootstrap).get(10, TimeUnit.SECONDS);

        assertThat(connection.remotePeer()).isEqualTo(listener.peerId());
    }

    @Test
    void theComposeFilesBootstrapAddressesAreBareDnsAddresses() {
        Deployment deployment = new Deployment(Repository.root(), ComposeFile.read(Repository.composeFile()));
        for (ComposeService node : deployment.servicesOf("node-service")) {
            for (String address : deployment.setting(node.name(), "numi.p2p.bootstrap").map(b -> List.of(b.split(","))).orElse(List.of())) {
                if (!address.isBlank()) {
                    Multiaddr parsed = Multiaddr.parse(address.trim());
                    assertThat(parsed.toString()).as(node.name()).startsWith("/dns4/");
                    assertThat(parsed.peerId()).as(node.name()).isEmpty();
                }
            }
        }
    }
}
