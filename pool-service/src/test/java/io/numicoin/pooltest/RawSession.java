package io.numicoin.pooltest;

import io.numicoin.pool.client.StratumClient;
import io.numicoin.pool.client.StratumJob;
import io.numicoin.protocol.bytes.Bytes;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;

/** A Stratum connection a test drives by hand: the last job and difficulty the pool sent are kept. */
final class RawSession implements AutoCloseable {

    final StratumClient client;
    final AtomicReference<StratumJob> job = new AtomicReference<>();
    final AtomicReference<Double> difficulty = new AtomicReference<>();
    Bytes extranonce1;

    RawSession(InetSocketAddress pool) throws IOException {
        client = new StratumClient(pool, message -> {
            switch (message.path("method").asString("")) {
                case "mining.notify" -> job.set(StratumJob.parse(message.path("params")));
                case "mining.set_difficulty" -> difficulty.set(message.path("params").path(0).asDouble());
                default -> { }
            }
        });
    }

    JsonNode subscribe() throws IOException {
        JsonNode answer = client.call("mining.subscribe", "pool-it/1");
        extranonce1 = Bytes.fromHex(answer.path("result").path(1).asString());
        return answer;
    }

    JsonNode call(String method, Object... params) throws IOException {
        return client.call(method, params);
    }

    /** The error code of an answer (0 when it has none). */
    static int code(JsonNode answer) {
        return answer.path("error").isArray() ? answer.path("error").path(0).asInt() : 0;
    }

    @Override
    public void close() {
        client.close();
    }
}
