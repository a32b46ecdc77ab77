package io.numicoin.devnet.chaos;

import java.io.IOException;
import java.net.URI;

/** The tip the mempool validates against ({@code GET /api/v1/mempool}'s {@code tipId}). */
final class MempoolTip {

    private MempoolTip() {
    }

    static String of(URI mempool) {
        try {
            return new ApiClient().require(mempool.resolve("/api/v1/mempool")).path("tipId").asString("");
        } catch (IOException e) {
            return "mempool down: " + e.getMessage();
        }
    }
}
