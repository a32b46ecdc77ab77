package io.numicoin.miner.stratum;

import io.numicoin.miner.mining.FoundBlock;
import io.numicoin.miner.mining.Work;
import io.numicoin.miner.pow.PowHasher;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.pow.header.ProofOfWork;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** One Stratum worker: its nonce slice, its PoW hasher, and the request loop. */
final class StratumConnection {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_LINE = 4096;

    private final StratumServer server;
    private final Socket socket;
    private final long sliceStart;
    private final PowHasher hasher;
    private volatile boolean subscribed;

    StratumConnection(StratumServer server, Socket socket, long sliceStart, PowHasher hasher) {
        this.server = server;
        this.socket = socket;
        this.sliceStart = sliceStart;
        this.hasher = hasher;
    }

    void serve() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.length() > MAX_LINE) {
                    break;
                }
                if (!line.isBlank()) {
                    handle(line);
                }
            }
        } catch (IOException e) {
            // the worker went away
        } finally {
            close();
        }
    }

    private void handle(String line) {
        JsonNode request;
        try {
            request = JSON.readTree(line);
        } catch (JacksonException e) {
            reply(null, null, "malformed JSON");
            return;
        }
        JsonNode id = request.path("id");
        switch (request.path("method").asString("")) {
            case "mining.subscribe" -> {
                ObjectNode result = JSON.createObjectNode();
                result.put("nonceStart", Long.toUnsignedString(sliceStart));
                result.put("nonceBits", 64 - StratumServer.SLICE_BITS);
                reply(id, result, null);
                subscribed = true;
                server.currentWork().ifPresent(this::notifyWork);
            }
            case "mining.submit" -> submit(id, request.path("params"));
            default -> reply(id, null, "unknown method");
        }
    }

    private void submit(JsonNode id, JsonNode params) {
        Optional<Work> current = server.currentWork();
        long nonce;
        try {
            nonce = Long.parseUnsignedLong(params.path(1).asString(""));
        } catch (NumberFormatException e) {
            reply(id, null, "nonce is not a decimal u64");
            server.share(false);
            return;
        }
        if (current.isEmpty() || !Long.toString(current.get().generation()).equals(params.path(0).asString(""))) {
            reply(id, null, "stale job");
            server.share(false);
            return;
        }
        if ((nonce >>> (64 - StratumServer.SLICE_BITS)) != (sliceStart >>> (64 - StratumServer.SLICE_BITS))) {
            reply(id, null, "nonce outside this connection's range");
            server.share(false);
            return;
        }
        Work work = current.get();
        BlockHeader header = work.block().header().withNonce(nonce);
        Hash256 pow = hasher.powHash(BlockHeaderCodec.encode(header));
        BigInteger shareTarget = server.shareTarget().max(header.target().toTarget()); // a block is always a share
        if (new BigInteger(1, pow.toArray()).compareTo(shareTarget) > 0) {
            reply(id, null, "above share target");
            server.share(false);
            return;
        }
        server.share(true);
        boolean block = ProofOfWork.meetsTarget(pow, header.target());
        if (block) {
            server.blockFound(new FoundBlock(work, header, pow));
        }
        ObjectNode result = JSON.createObjectNode();
        result.put("share", true);
        result.put("block", block);
        reply(id, result, null);
    }

    void notifyWork(Work work) {
        if (!subscribed) {
            return;
        }
        ObjectNode message = JSON.createObjectNode();
        message.putNull("id");
        message.put("method", "mining.notify");
        ArrayNode params = message.putArray("params");
        params.add(Long.toString(work.generation()));
        params.add(Bytes.of(BlockHeaderCodec.encode(work.block().header())).toHex());
        params.add(String.format("%064x", server.shareTarget().max(work.block().header().target().toTarget())));
        params.add(String.format("%064x", work.block().header().target().toTarget()));
        send(message);
    }

    private void reply(JsonNode id, JsonNode result, String error) {
        ObjectNode message = JSON.createObjectNode();
        message.set("id", id == null || id.isMissingNode() ? JSON.nullNode() : id);
        message.set("result", result == null ? JSON.nullNode() : result);
        if (error == null) {
            message.putNull("error");
        } else {
            message.put("error", error);
        }
        send(message);
    }

    private synchronized void send(ObjectNode message) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write((JSON.writeValueAsString(message) + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            close();
        }
    }

    void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
