package io.numicoin.p2p.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.p2p.gossipsub.GossipConfig;
import io.numicoin.p2p.gossipsub.GossipListener;
import io.numicoin.p2p.gossipsub.MessageIdFunction;
import io.numicoin.p2p.gossipsub.MessageSigner;
import io.numicoin.p2p.gossipsub.PublishResult;
import io.numicoin.p2p.gossipsub.ReceivedMessage;
import io.numicoin.p2p.gossipsub.SignaturePolicy;
import io.numicoin.p2p.gossipsub.ValidationResult;
import io.numicoin.p2p.gossipsub.host.GossipsubService;
import io.numicoin.p2p.gossipsub.rpc.Blob;
import io.numicoin.p2p.host.HostConfig;
import io.numicoin.p2p.host.netty.NettyHost;
import io.numicoin.p2p.identity.NodeIdentity;
import io.numicoin.p2p.multiaddr.Multiaddr;
import io.numicoin.p2p.peer.PeerId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * Gossipsub interoperability: this module's router on a Netty host and a js-libp2p node with
 * {@code @libp2p/gossipsub} 17.x mesh with each other over 127.0.0.1 and exchange messages both
 * ways, under StrictNoSign (NumiCoin's policy; message id = SHA-256 of the data on both sides) and
 * StrictSign (Ed25519 signatures made on one side and verified on the other). Either side dials.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class GossipInteropIT {

    private static final Duration STEP = Duration.ofSeconds(20);
    private static final String TOPIC = "/numi/interop/blocks/1";
    private static final HexFormat HEX = HexFormat.of();

    private NettyHost host;
    private GossipsubService service;
    private GossipJsPeer js;
    private final BlockingQueue<ReceivedMessage> received = new LinkedBlockingQueue<>();

    @BeforeAll
    static void install() throws Exception {
        Assumptions.assumeTrue(JsPeer.npmAvailable(), "npm is not installed: skipping the js-libp2p gossipsub test");
        JsPeer.install();
    }

    @AfterEach
    void stop() throws Exception {
        if (js != null) {
            js.close();
        }
        if (service != null) {
            service.close();
        }
        if (host != null) {
            host.close();
        }
    }

    @ParameterizedTest(name = "{0}, {1} dials")
    @CsvSource({"StrictNoSign, java", "StrictNoSign, js", "StrictSign, java"})
    void messagesFlowBothWays(String policyName, String dialer) throws Exception {
        SignaturePolicy policy = policyName.equals("StrictSign") ? SignaturePolicy.STRICT_SIGN : SignaturePolicy.STRICT_NO_SIGN;
        NodeIdentity identity = NodeIdentity.generate();
        host = NettyHost.create(identity, HostConfig.defaults());
        host.listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")).get(5, TimeUnit.SECONDS);
        MessageSigner signer = policy == SignaturePolicy.STRICT_SIGN ? MessageSigner.of(identity) : null;
        service = GossipsubService.start(host, GossipConfig.defaults(policy), signer, GossipListener.NONE);
        service.subscribe(TOPIC, m -> {
            received.add(m);
            return CompletableFuture.completedFuture(ValidationResult.ACCEPT);
        }).get(5, TimeUnit.SECONDS);

        js = GossipJsPeer.start(policyName);
        JsonNode ready = js.answer("ready", STEP);
        PeerId jsPeer = PeerId.fromBase58(ready.get("peerId").asString());
        js.send("{\"cmd\":\"subscribe\",\"topic\":\"" + TOPIC + "\"}");
        js.answer("subscribed", STEP);
        if (dialer.equals("java")) {
            host.dial(Multiaddr.parse(ready.get("addrs").get(0).asString())).get(10, TimeUnit.SECONDS);
        } else {
            js.send("{\"cmd\":\"dial\",\"addr\":\"" + host.listenAddresses().getFirst().withPeerId(host.peerId()) + "\"}");
            js.answer("dialed", STEP);
        }
        awaitMesh(jsPeer);

        // Java → js: a small message and a 1 MiB one.
        byte[] big = new byte[1 << 20];
        new Random(9).nextBytes(big);
        List<byte[]> fromJava = List.of("hello from java".getBytes(), big);
        for (byte[] data : fromJava) {
            PublishResult result = service.publish(TOPIC, data).get(5, TimeUnit.SECONDS);
            assertThat(result.peers()).isEqualTo(1);
            JsonNode got = js.message(STEP);
            assertThat(got).as("js received the Java message").isNotNull();
            assertThat(got.get("topic").asString()).isEqualTo(TOPIC);
            assertThat(got.get("data").asString()).isEqualTo(HEX.formatHex(data));
            assertThat(got.get("propagationSource").asString()).isEqualTo(host.peerId().toBase58());
            if (policy == SignaturePolicy.STRICT_SIGN) {
                assertThat(got.get("type").asString()).isEqualTo("signed");
                assertThat(got.get("from").asString()).isEqualTo(host.peerId().toBase58());
            } else {
                assertThat(got.get("type").asString()).isEqualTo("unsigned");
                // both sides compute the same id: SHA-256 of the data (js shows it in unpadded base64)
                assertThat(Base64.getDecoder().decode(got.get("msgId").asString()))
                        .isEqualTo(result.messageId().toArray());
            }
        }

        // js → Java.
        List<String> fromJs = new ArrayList<>(List.of("68656c6c6f2066726f6d206a73", HEX.formatHex(new byte[300_000])));
        for (String data : fromJs) {
            js.send("{\"cmd\":\"publish\",\"topic\":\"" + TOPIC + "\",\"data\":\"" + data + "\"}");
            JsonNode published = js.answer("published", STEP);
            assertThat(published.get("recipients").get(0).asString()).isEqualTo(host.peerId().toBase58());
            ReceivedMessage got = received.poll(STEP.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(got).as("Java received the js message").isNotNull();
            assertThat(got.data()).isEqualTo(Blob.of(HEX.parseHex(data)));
            assertThat(got.propagationSource()).isEqualTo(jsPeer);
            if (policy == SignaturePolicy.STRICT_SIGN) {
                assertThat(got.message().from()).isEqualTo(Blob.of(jsPeer.toBytes()));
                assertThat(got.message().seqno().size()).isEqualTo(8);
            } else {
                assertThat(got.message().hasOriginFields()).isFalse();
                assertThat(got.id()).isEqualTo(MessageIdFunction.sha256OfData().id(got.message()));
            }
        }
        Thread.sleep(500);
        assertThat(received).as("no duplicates").isEmpty();
        assertThat(js.message(Duration.ofMillis(100))).isNull();
        assertThat(service.droppedRpcs()).isZero();
    }

    private void awaitMesh(PeerId jsPeer) throws Exception {
        long deadline = System.nanoTime() + STEP.toNanos();
        while (true) {
            boolean javaMeshed = service.onRouter(r -> r.meshPeers(TOPIC).contains(jsPeer)).get(5, TimeUnit.SECONDS);
            js.send("{\"cmd\":\"mesh\",\"topic\":\"" + TOPIC + "\"}");
            JsonNode mesh = js.answer("mesh", STEP);
            boolean jsMeshed = false;
            for (JsonNode peer : mesh.get("mesh")) {
                jsMeshed |= peer.asString().equals(host.peerId().toBase58());
            }
            if (javaMeshed && jsMeshed) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no mesh: java " + javaMeshed + ", js " + mesh);
            }
            Thread.sleep(200);
        }
    }
}
