package io.numicoin.explorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.numicoin.explorer.index.ChainIndexer;
import io.numicoin.node.testing.RealNode;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.testkit.ChainBuilder;
import io.numicoin.testkit.kafka.EmbeddedKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The explorer service end to end: a real node publishing {@code numi.chain.v1} to an embedded
 * broker, blocks submitted before the explorer starts (backfilled from the node's API into the
 * empty read model), blocks after it (followed on the topic), and a reorg on the node (followed
 * exactly), served on the REST API; the lag gauge reaches 0.
 */
class ExplorerServiceIT {

    private static final ChainBuilder CHAIN = ChainBuilder.regtest();
    private static EmbeddedKafka kafka;
    private static RealNode node;
    private static RunningExplorer explorer;
    private static WebTestClient client;
    private static final List<Block> SUBMITTED = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafka.launch();
        node = RealNode.start(kafka, "explorerservice");
        for (Block b : CHAIN.extend(CHAIN.genesis(), 5, 1)) {
            node.submit(b);
            SUBMITTED.add(b);
        }
        explorer = new RunningExplorer(kafka, node, "explorerservice");
        client = explorer.http();
    }

    @AfterAll
    static void stop() {
        if (explorer != null) {
            explorer.close();
        }
        if (node != null) {
            node.close();
        }
        kafka.close();
    }

    @Test
    void backfillsThenFollowsTheTopicThroughAReorg() {
        await().atMost(Duration.ofSeconds(120)).until(() -> explorer.height() == 5);
        client.get().uri("/api/v1/explorer/blocks/height/5").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo(BlockHeaderCodec.id(SUBMITTED.get(4).header()).toHex())
                .jsonPath("$.confirmations").isEqualTo(1);

        // followed on numi.chain.v1
        for (Block b : CHAIN.extend(SUBMITTED.getLast(), 3, 2)) {
            node.submit(b);
            SUBMITTED.add(b);
        }
        await().atMost(Duration.ofSeconds(120)).until(() -> explorer.height() == 8);
        assertThat(explorer.context().getBean(ChainIndexer.class).lag()).isZero();

        // a reorg of depth 2 on the node: a fork from height 6 that becomes heavier at its third block
        List<Block> fork = CHAIN.extend(SUBMITTED.get(5), 3, 3);
        fork.forEach(node::submit);
        String forkTip = BlockHeaderCodec.id(fork.getLast().header()).toHex();
        await().atMost(Duration.ofSeconds(120)).until(() -> explorer.tipId().equals(forkTip));
        client.get().uri("/api/v1/explorer/reorgs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[0].depth").isEqualTo(2)
                .jsonPath("$[0].forkHeight").isEqualTo(6)
                .jsonPath("$[0].newTipId").isEqualTo(forkTip)
                .jsonPath("$[0].closed").isEqualTo(true);
        String staleId = BlockHeaderCodec.id(SUBMITTED.getLast().header()).toHex();
        client.get().uri("/api/v1/explorer/blocks/" + staleId).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("STALE").jsonPath("$.confirmations").isEqualTo(0);
        client.get().uri("/api/v1/explorer/blocks/height/9").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.id").isEqualTo(forkTip);
        client.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/api/v1/explorer/blocks/{id}']").exists()
                .jsonPath("$.paths['/api/v1/explorer/mempool']").exists()
                .jsonPath("$.paths['/api/v1/explorer/fee-estimates']").exists()
                .jsonPath("$.paths['/api/v1/explorer/difficulty']").exists()
                .jsonPath("$.paths['/api/v1/explorer/supply']").exists()
                .jsonPath("$.paths['/api/v1/explorer/hashrate']").exists()
                .jsonPath("$.paths['/api/v1/explorer/stale-blocks']").exists();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                explorer.context().getBean(MeterRegistry.class).get("explorer.chain.lag.blocks").gauge().value() == 0.0);
    }
}
