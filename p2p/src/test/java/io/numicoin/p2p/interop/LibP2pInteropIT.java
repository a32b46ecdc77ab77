package io.numicoin.p2p.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.p2p.host.Connection;
import io.numicoin.p2p.host.ConnectionListener;
import io.numicoin.p2p.host.Direction;
import io.numicoin.p2p.host.HostConfig;
import io.numicoin.p2p.host.netty.NettyHost;
import io.numicoin.p2p.identity.NodeIdentity;
import io.numicoin.p2p.multiaddr.Multiaddr;
import io.numicoin.p2p.peer.PeerId;
import io.numicoin.p2p.protocols.identify.IdentifyMessage;
import io.numicoin.p2p.protocols.identify.IdentifyService;
import io.numicoin.p2p.protocols.ping.PingService;
import io.numicoin.p2p.testing.Echo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The acceptance test of {@code p2p/}: a js-libp2p node (npm {@code libp2p} 3.x with
 * {@code @chainsafe/libp2p-noise}, {@code @chainsafe/libp2p-yamux}, {@code @libp2p/tcp},
 * {@code @libp2p/identify}, {@code @libp2p/ping}) and this module's host talk over 127.0.0.1 in
 * both directions: ping, identify (peer ids, agents and protocols checked on both sides) and a
 * 1 MiB / 4 MiB echo that exercises yamux flow control.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LibP2pInteropIT {

    private static final Duration STEP = Duration.ofSeconds(20);
    private static final String AGENT = "numicoin-interop/0.1.0";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private static NettyHost host;
    private static JsPeer js;
    private static JsonNode ready;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(JsPeer.npmAvailable(), "npm is not installed: skipping the js-libp2p interoperability test");
        JsPeer.install();
        host = NettyHost.create(NodeIdentity.generate(), HostConfig.defaults().withAgentVersion(AGENT));
        Echo.serve(host);
        host.listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")).get(5, TimeUnit.SECONDS);
        js = JsPeer.start();
        ready = JSON.readTree(js.next(STEP));
        assertThat(ready.get("event").asString()).isEqualTo("ready");
    }

    @AfterAll
    static void stop() throws Exception {
        if (js != null) {
            js.close();
        }
        if (host != null) {
            host.close();
        }
    }

    @Test
    void jsDialsJavaAndJavaDialsJs() throws Exception {
        PeerId jsPeer = PeerId.fromBase58(ready.get("peerId").asString());
        Multiaddr jsAddr = Multiaddr.parse(ready.get("addrs").get(0).asString());
        assertThat(jsAddr.peerId()).contains(jsPeer);

        // (a) js dials the Java node: ping, identify, 1 MiB echo through the Java echo handler.
        Multiaddr javaAddr = host.listenAddresses().getFirst().withPeerId(host.peerId());
        js.send("{\"cmd\":\"dial\",\"addr\":\"" + javaAddr + "\"}");
        JsonNode dialed = expect("dialed");
        assertThat(dialed.get("rtt").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(dialed.get("echoed").asBoolean()).isTrue();
        assertJavaIdentity(dialed.get("identify"));

        Connection inbound = host.connection(jsPeer).orElseThrow();
        assertThat(inbound.direction()).isEqualTo(Direction.INBOUND);
        assertJsIdentity(host.identify().identify(inbound).get(10, TimeUnit.SECONDS));
        assertThat(host.ping().ping(inbound).get(10, TimeUnit.SECONDS)).isPositive();

        CountDownLatch gone = new CountDownLatch(1);
        host.addConnectionListener(new ConnectionListener() {
            @Override
            public void onConnected(Connection connection) {
            }

            @Override
            public void onDisconnected(Connection connection) {
                if (connection.remotePeer().equals(jsPeer)) {
                    gone.countDown();
                }
            }
        });
        js.send("{\"cmd\":\"hangup\",\"peer\":\"" + host.peerId() + "\"}");
        expect("hungup");
        assertThat(gone.await(10, TimeUnit.SECONDS)).isTrue();

        // (b) the Java node dials js: ping, identify, 4 MiB echo through the js echo handler.
        Connection outbound = host.dial(jsAddr).get(10, TimeUnit.SECONDS);
        assertThat(outbound.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(outbound.remotePeer()).isEqualTo(jsPeer);
        assertThat(host.ping().ping(outbound).get(10, TimeUnit.SECONDS)).isPositive();
        assertJsIdentity(host.identify().identify(outbound).get(10, TimeUnit.SECONDS));
        byte[] payload = new byte[4 << 20];
        new Random(7).nextBytes(payload);
        assertThat(Echo.roundTrip(outbound, payload).get(30, TimeUnit.SECONDS)).isEqualTo(payload);

        js.send("{\"cmd\":\"check\",\"peer\":\"" + host.peerId() + "\"}");
        JsonNode checked = expect("checked");
        assertThat(checked.get("direction").asString()).isEqualTo("inbound");
        assertThat(checked.get("echoed").asBoolean()).isTrue();
        assertJavaIdentity(checked.get("identify"));
    }

    private void assertJavaIdentity(JsonNode identify) {
        assertThat(identify.get("peerId").asString()).isEqualTo(host.peerId().toBase58());
        assertThat(identify.get("agentVersion").asString()).isEqualTo(AGENT);
        List<String> protocols = new ArrayList<>();
        identify.get("protocols").forEach(p -> protocols.add(p.asString()));
        assertThat(protocols).contains(IdentifyService.PROTOCOL.value(), PingService.PROTOCOL.value(), Echo.PROTOCOL.value());
        List<String> addrs = new ArrayList<>();
        identify.get("listenAddrs").forEach(a -> addrs.add(a.asString()));
        assertThat(addrs).contains(host.listenAddresses().getFirst().toString());
    }

    private void assertJsIdentity(IdentifyMessage message) {
        assertThat(message.agentVersion()).isEqualTo(ready.get("agentVersion").asString());
        assertThat(message.protocols()).contains(IdentifyService.PROTOCOL.value(), PingService.PROTOCOL.value(), Echo.PROTOCOL.value());
        assertThat(message.listenAddrs()).isNotEmpty();
    }

    private JsonNode expect(String event) throws Exception {
        JsonNode node = JSON.readTree(js.next(STEP));
        assertThat(node.get("event").asString()).as(node.toString()).isEqualTo(event);
        return node;
    }
}
