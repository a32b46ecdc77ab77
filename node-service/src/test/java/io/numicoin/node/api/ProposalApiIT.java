package io.numicoin.node.api;

import static io.numicoin.node.api.ApiClient.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.codec.BlockCodec;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.pow.header.ProofOfWork;
import io.numicoin.testkit.ChainBuilder;
import io.numicoin.testkit.TestKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code POST /api/v1/blocks/proposal} against a real node: a miner's candidate learns the state
 * commitment to mine with, and once mined the block connects; bad and stale candidates are told why.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProposalApiIT {

    static final TestNodeInfra INFRA = TestNodeInfra.start("api_proposal");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        INFRA.register(registry);
    }

    @AfterAll
    static void closeInfrastructure() {
        INFRA.close();
    }

    @Autowired
    WebTestClient web;

    final ChainBuilder builder = ChainBuilder.regtest();

    @Test
    void aCandidateLearnsItsCommitmentIsMinedAndConnects() {
        Block reference = builder.child(builder.genesis()).coinbaseTo(TestKeys.address(8)).coinbaseMemo("proposal").build();
        Block candidate = new Block(withCommitment(reference.header(), Hash256.ZERO), reference.transactions());

        String commitment = web.post().uri("/api/v1/blocks/proposal").header("Authorization", TestNodeInfra.MINING_AUTHORIZATION).contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(BlockCodec.encode(candidate)).exchange()
                .expectStatus().isOk()
                .expectBody(ProposalController.ProposalView.class).returnResult().getResponseBody().stateCommitment();
        assertThat(commitment).isEqualTo(reference.header().stateCommitment().toHex());

        BlockHeader mined = new ProofOfWork(builder.params().pow())
                .mine(withCommitment(candidate.header(), Hash256.fromHex(commitment)), 0, Long.MAX_VALUE, () -> false)
                .orElseThrow();
        assertThat(new ApiClient(web).postBlock(new Block(mined, candidate.transactions())).outcome()).isEqualTo("CONNECTED");

        // The tip moved: a candidate on genesis is stale now.
        Block late = builder.child(builder.genesis()).coinbaseMemo("late").build();
        assertProblem(propose(late), 409, "STALE_TIP");
        // A candidate on the new tip that overpays its coinbase names the rule.
        Block greedy = builder.child(new Block(mined, candidate.transactions())).coinbaseOverpaying(1).build();
        assertProblem(propose(greedy), 422, "COINBASE_AMOUNT_TOO_HIGH");
    }

    private WebTestClient.ResponseSpec propose(Block block) {
        return web.post().uri("/api/v1/blocks/proposal").header("Authorization", TestNodeInfra.MINING_AUTHORIZATION).contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(BlockCodec.encode(block)).exchange();
    }

    private static BlockHeader withCommitment(BlockHeader h, Hash256 commitment) {
        return new BlockHeader(h.version(), h.height(), h.previousId(), h.merkleRoot(), commitment, h.timestamp(), h.target(), 0);
    }
}
