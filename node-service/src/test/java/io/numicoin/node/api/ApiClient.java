package io.numicoin.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.node.api.dto.BlockAccepted;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.codec.BlockCodec;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.hash.Hash256;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Test helpers over {@link WebTestClient}: posting blocks and reading problem documents. */
final class ApiClient {

    private final WebTestClient web;

    ApiClient(WebTestClient web) {
        this.web = web.mutate().defaultHeader("Authorization", TestNodeInfra.MINING_AUTHORIZATION).build();
    }

    /** Posts {@code block} as raw bytes and returns the outcome. */
    BlockAccepted postBlock(Block block) {
        return web.post().uri("/api/v1/blocks")
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(BlockCodec.encode(block))
                .exchange()
                .expectStatus().isOk()
                .expectBody(BlockAccepted.class)
                .returnResult().getResponseBody();
    }

    /** Posts every block and checks that each one connected. */
    void connectAll(List<Block> blocks) {
        for (Block block : blocks) {
            BlockAccepted accepted = postBlock(block);
            assertThat(accepted.outcome()).as("block at height %d", block.height()).isEqualTo("CONNECTED");
        }
    }

    /** Checks a problem+json answer: its status, rule, type and title; returns the whole document. */
    static Map<String, Object> assertProblem(WebTestClient.ResponseSpec response, int status, String rule) {
        @SuppressWarnings("unchecked")
        Map<String, Object> problem = response
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(Map.class)
                .returnResult().getResponseBody();
        assertThat(problem).containsEntry("status", status).containsEntry("rule", rule)
                .containsEntry("type", "https://numicoin.io/problems/" + rule.toLowerCase().replace('_', '-'))
                .containsKeys("title", "detail", "instance");
        return problem;
    }

    static String id(Block block) {
        return BlockHeaderCodec.id(block.header()).toHex();
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static String hex(Hash256 hash) {
        return hash.toHex();
    }
}
