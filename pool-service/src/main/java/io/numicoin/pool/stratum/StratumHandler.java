package io.numicoin.pool.stratum;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.timeout.IdleStateEvent;
import io.numicoin.pool.share.ShareResult;
import io.numicoin.pool.share.ShareSubmission;
import io.numicoin.pool.share.ShareVerdict;
import io.numicoin.protocol.bytes.Bytes;
import java.util.HexFormat;
import java.util.OptionalLong;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.NullNode;

/** Reads one connection's JSON-RPC lines and answers them (docs/pool.md). */
final class StratumHandler extends SimpleChannelInboundHandler<String> {

    private final StratumServer server;
    private StratumSession session;

    StratumHandler(StratumServer server) {
        this.server = server;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        session = server.open(ctx.channel());
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (session != null) {
            server.closed(session);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            ctx.close();
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // an over-long line (TooLongFrameException) or a reset: the connection ends either way
        if (cause instanceof TooLongFrameException) {
            server.metrics().lineTooLong();
        }
        ctx.close();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, String line) {
        if (line.isBlank() || session.banned()) {
            return;
        }
        JsonNode request;
        try {
            request = StratumMessages.JSON.readTree(line);
        } catch (JacksonException e) {
            invalid(NullNode.getInstance(), -32700, "Parse error");
            return;
        }
        JsonNode id = request.has("id") ? request.get("id") : NullNode.getInstance();
        if (!request.isObject() || !request.path("method").isString() || !(request.path("params").isArray()
                || request.path("params").isMissingNode())) {
            invalid(id, -32600, "Invalid request");
            return;
        }
        JsonNode params = request.path("params");
        switch (request.path("method").asString()) {
            case "mining.subscribe" -> subscribe(id);
            case "mining.authorize" -> authorize(id, params);
            case "mining.submit" -> submit(id, params);
            case "mining.suggest_difficulty" -> suggestDifficulty(id, params);
            case "mining.extranonce.subscribe" -> session.send(StratumMessages.result(id, BooleanNode.FALSE));
            default -> invalid(id, -32601, "Method not found");
        }
    }

    private void subscribe(JsonNode id) {
        session.subscribe();
        String extranonce1 = session.extranonce1().toHex();
        session.send(StratumMessages.subscribed(id, extranonce1, extranonce1));
    }

    private void authorize(JsonNode id, JsonNode params) {
        if (!session.subscribed()) {
            refuse(id, ShareVerdict.NOT_SUBSCRIBED);
            return;
        }
        String username = params.path(0).asString("");
        WorkerName name;
        try {
            name = WorkerName.parse(username, server.hrp());
        } catch (IllegalArgumentException e) {
            invalid(id, 24, "Unauthorized worker: " + e.getMessage());
            return;
        }
        if (server.bans().workerBanned(session.ip(), name.address())) {
            session.send(StratumMessages.error(id, 24, "Unauthorized worker: banned for invalid shares"));
            session.channel().close();
            return;
        }
        if (session.worker(username).isEmpty() && session.workerCount() >= server.settings().maxWorkersPerConnection()) {
            invalid(id, 24, "Unauthorized worker: too many workers on this connection");
            return;
        }
        boolean first = !session.ready();
        session.authorize(username, name);
        session.send(StratumMessages.result(id, BooleanNode.TRUE));
        if (first) {
            session.send(StratumMessages.setDifficulty(session.vardiff().difficulty()));
            server.sendCurrentJob(session);
        }
    }

    private void suggestDifficulty(JsonNode id, JsonNode params) {
        JsonNode wanted = params.path(0);
        if (!wanted.isNumber() || wanted.asDouble() < 1 || !Double.isFinite(wanted.asDouble())) {
            invalid(id, -32602, "difficulty is a number >= 1");
            return;
        }
        long previous = session.vardiff().difficulty();
        long now = session.vardiff().suggest((long) Math.min(Long.MAX_VALUE / 2, wanted.asDouble()), System.nanoTime());
        session.send(StratumMessages.result(id, BooleanNode.TRUE));
        if (now != previous) {
            session.difficultyChanged(previous);
        }
    }

    private void submit(JsonNode id, JsonNode params) {
        if (!session.subscribed()) {
            refuse(id, ShareVerdict.NOT_SUBSCRIBED);
            return;
        }
        WorkerName worker = session.worker(params.path(0).asString("")).orElse(null);
        if (worker == null) {
            refuse(id, ShareVerdict.UNAUTHORIZED);
            return;
        }
        long now = System.nanoTime();
        if (!session.submits().take(now)) {
            refuse(id, ShareVerdict.RATE_LIMITED, worker);
            return;
        }
        ShareSubmission share = parse(params, worker);
        if (share == null) {
            refuse(id, ShareVerdict.MALFORMED, worker);
            return;
        }
        if (session.inFlight().incrementAndGet() > server.settings().maxSubmitsInFlight()) {
            session.inFlight().decrementAndGet();
            refuse(id, ShareVerdict.RATE_LIMITED, worker);
            return;
        }
        server.processor().submit(share, result -> {
            session.inFlight().decrementAndGet();
            answer(id, result, worker);
        });
    }

    private ShareSubmission parse(JsonNode params, WorkerName worker) {
        if (params.size() != 5) {
            return null;
        }
        String jobId = params.path(1).asString("");
        String extranonce2 = params.path(2).asString("");
        String ntime = params.path(3).asString("");
        String nonce = params.path(4).asString("");
        if (jobId.isEmpty() || jobId.length() > 16 || extranonce2.length() != 2 * io.numicoin.pool.work.CoinbaseParts.EXTRANONCE2_SIZE
                || ntime.length() != 16 || nonce.length() != 16 || !hex(extranonce2) || !hex(ntime) || !hex(nonce)) {
            return null;
        }
        return new ShareSubmission(worker.address(), worker.worker(), jobId, session.extranonce1(), Bytes.fromHex(extranonce2),
                HexFormat.fromHexDigitsToLong(ntime), HexFormat.fromHexDigitsToLong(nonce), session.vardiff().difficulty(),
                session.previousDifficulty(), session.changedAtSequence());
    }

    private static boolean hex(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private void answer(JsonNode id, ShareResult result, WorkerName worker) {
        if (result.verdict().accepted() || result.verdict() == ShareVerdict.STALE) {
            // a stale share still shows the worker's rate: without it, a slow job refresh after a block would
            // read as silence and vardiff would drop the difficulty until the worker floods
            long previous = session.vardiff().difficulty();
            OptionalLong next = session.vardiff().onShare(System.nanoTime());
            if (next.isPresent()) {
                session.difficultyChanged(previous);
            }
        }
        if (result.verdict().accepted()) {
            session.send(StratumMessages.result(id, BooleanNode.TRUE));
            return;
        }
        session.send(StratumMessages.error(id, result.verdict().code(), result.verdict().message()));
        if (result.verdict().countsAsInvalid()) {
            strike(worker);
        }
    }

    private void refuse(JsonNode id, ShareVerdict verdict) {
        refuse(id, verdict, null);
    }

    private void refuse(JsonNode id, ShareVerdict verdict, WorkerName worker) {
        session.send(StratumMessages.error(id, verdict.code(), verdict.message()));
        if (worker != null) {
            server.listener().refusedUnchecked(worker.address(), worker.worker(), verdict);
        }
        if (verdict.countsAsInvalid()) {
            strike(worker);
        }
    }

    private void invalid(JsonNode id, int code, String message) {
        session.send(StratumMessages.error(id, code, message));
        strike(null);
    }

    /** An invalid request: too many within the window ban the connection's workers and close it. */
    private void strike(WorkerName worker) {
        if (!session.invalid().strike(System.nanoTime())) {
            return;
        }
        server.ban(session, worker);
    }
}
