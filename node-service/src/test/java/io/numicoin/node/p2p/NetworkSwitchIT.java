package io.numicoin.node.p2p;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.MeterRegistry;
import io.numicoin.p2p.host.DialException;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.chain.BlockImportResult;
import io.numicoin.protocol.codec.BlockCodec;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.testkit.ChainBuilder;
import io.numicoin.testkit.kafka.EmbeddedKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The operator's network switch ({@code POST /admin/network-off|on}, management port) on two whole
 * nodes over real libp2p: switched off, node b drops its peer, refuses it and dials nobody while its
 * API and block submissions go on; both chains grow apart; switched on, b reconnects by itself and
 * both end on the branch with more work (b's), a having reorganised.
 */
class NetworkSwitchIT {

    private static final String ADMIN_TOKEN = "network-switch-admin-token";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final EmbeddedKafka kafka = EmbeddedKafka.launch();
    private final ChainBuilder builder = ChainBuilder.regtest();
    private final HttpClient http = HttpClient.newHttpClient();
    private TestNode a;
    private TestNode b;

    @AfterEach
    void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
        kafka.close();
    }

    @Test
    void aNodeSwitchedOffGrowsAloneAndWinsTheReorganisationWhenSwitchedOnAgain() throws Exception {
        a = TestNode.start("nswa", kafka, true, List.of());
        b = TestNode.start("nswb", kafka, false, List.of(a.address()), "--numi.admin.token=" + ADMIN_TOKEN);
        await().atMost(PATIENCE).until(() -> a.peers().equals(Set.of(b.peerId())) && b.peers().equals(Set.of(a.peerId())));
        List<Block> shared = builder.extend(builder.genesis(), 3, 1);
        shared.forEach(block -> assertThat(a.submit(block).outcome()).isEqualTo(BlockImportResult.Outcome.CONNECTED));
        Block sharedTip = shared.getLast();
        P2pNetworkIT.awaitAllOn(List.of(a, b), id(sharedTip));

        HttpResponse<String> off = admin(b, "network-off");
        assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
        assertThat(JsonPath.<Boolean>read(off.body(), "$.result.active")).isFalse();
        assertThat(JsonPath.<Integer>read(off.body(), "$.result.peersDropped")).isEqualTo(1);
        await().atMost(PATIENCE).until(() -> a.peers().isEmpty() && b.peers().isEmpty());
        assertThat(gauge(b, "numi.p2p.network_active")).isZero();
        assertThat(b.context.getBean(MeterRegistry.class).get("numi.p2p.network_switched_off").counter().count()).isEqualTo(1);
        // a cannot reach b, and b (bootstrap retry every 500 ms) dials nobody
        assertThatThrownBy(() -> a.dial(b)).isInstanceOf(CompletionException.class).hasCauseInstanceOf(DialException.class);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> a.peers().isEmpty() && b.peers().isEmpty());
        assertThat(get(b, "/api/v1/chain").statusCode()).as("b's API answers while its network is off").isEqualTo(200);

        List<Block> aBranch = builder.extend(sharedTip, 2, 2);
        List<Block> bBranch = builder.extend(sharedTip, 3, 3);
        aBranch.forEach(block -> assertThat(a.submit(block).outcome()).isEqualTo(BlockImportResult.Outcome.CONNECTED));
        for (Block block : bBranch) {
            HttpResponse<String> mined = postBlock(b, block);
            assertThat(mined.statusCode()).as("a mined block submitted to b while its network is off: %s", mined.body())
                    .isBetween(200, 299);
        }
        assertThat(a.tip()).isEqualTo(id(aBranch.getLast()));
        assertThat(b.tip()).isEqualTo(id(bBranch.getLast()));
        assertThat(reorgs(a)).isZero();

        HttpResponse<String> on = admin(b, "network-on");
        assertThat(on.statusCode()).as(on.body()).isEqualTo(200);
        assertThat(JsonPath.<Boolean>read(on.body(), "$.result.active")).isTrue();
        P2pNetworkIT.awaitAllOn(List.of(a, b), id(bBranch.getLast()));
        assertThat(a.peers()).containsExactly(b.peerId());
        assertThat(reorgs(a)).as("a left its own branch for b's, which has more work").isEqualTo(1);
        assertThat(a.stateCommitment()).isEqualTo(b.stateCommitment()).isEqualTo(bBranch.getLast().header().stateCommitment());
        assertThat(gauge(b, "numi.p2p.network_active")).isEqualTo(1);
        assertThat(JsonPath.<Boolean>read(admin(b, "network-on").body(), "$.result.active")).as("on again: no change").isTrue();
    }

    private static Hash256 id(Block block) {
        return BlockHeaderCodec.id(block.header());
    }

    private static double gauge(TestNode node, String name) {
        return node.context.getBean(MeterRegistry.class).get(name).gauge().value();
    }

    private static double reorgs(TestNode node) {
        return node.context.getBean(MeterRegistry.class).get("numi.chain.reorgs").counter().count();
    }

    private HttpResponse<String> admin(TestNode node, String operation) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + node.context.getEnvironment().getProperty("local.management.port") + "/admin/" + operation);
        return http.send(HttpRequest.newBuilder(uri).header("X-Numi-Admin-Token", ADMIN_TOKEN).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(TestNode node, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(api(node, path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postBlock(TestNode node, Block block) throws Exception {
        return http.send(HttpRequest.newBuilder(api(node, "/api/v1/blocks")).header("Content-Type", "application/octet-stream")
                .header("Authorization", "Bearer " + TestNode.MINING_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(BlockCodec.encode(block))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI api(TestNode node, String path) {
        return URI.create("http://127.0.0.1:" + node.context.getEnvironment().getProperty("local.server.port") + path);
    }
}
