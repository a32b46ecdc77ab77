package io.numicoin.pool.stratum;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.string.StringDecoder;
import io.netty.handler.codec.string.StringEncoder;
import io.numicoin.miner.mining.Work;
import io.numicoin.miner.pow.JavaPowHasher;
import io.numicoin.pool.share.ShareListener;
import io.numicoin.pool.share.ShareResult;
import io.numicoin.pool.share.ShareSubmission;
import io.numicoin.pool.share.ShareValidator;
import io.numicoin.pool.share.ShareVerdict;
import io.numicoin.pool.share.VardiffSettings;
import io.numicoin.pool.work.JobBook;
import io.numicoin.pool.work.PoolJob;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.merkle.MerkleTree;
import io.numicoin.protocol.money.Amount;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.protocol.pow.CompactTarget;
import io.numicoin.protocol.tx.CoinbaseTx;
import io.numicoin.protocol.tx.Transaction;
import io.numicoin.testkit.TestKeys;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * What must hold for any bytes a miner sends to the Stratum server, fed through the server's own
 * line pipeline and {@link StratumHandler} on an embedded channel: nothing escapes the handler; the
 * connection is closed only for an over-long line or a ban (an unexpected exception also closes it,
 * so any other close is a finding); every line sent back is one JSON object, a response with
 * {@code result} and {@code error} ({@code null} or {@code [code, message, null]}) or a known
 * notification; no more responses than request lines, and each bounded.
 *
 * <p>The server allows no share in flight ({@code maxSubmitsInFlight} 0): a well-formed share is
 * answered "slow down" on the calling thread after it was parsed, so no Argon2 run and no validation
 * thread is involved; everything up to the share's decode is the production path.
 */
final class StratumLineContract {

    static final NetworkParams MAINNET = NetworkParams.mainnet();
    static final int MAX_LINE_BYTES = 512;
    /** A response quotes at most a refused worker name's reason; a job notification is the longest line sent. */
    static final int MAX_RESPONSE_BYTES = 1_024;
    private static final InetSocketAddress PEER = new InetSocketAddress(InetAddress.ofLiteral("192.0.2.7"), 40_000);
    private static final PoolJob JOB = job();
    private static final Set<String> NOTIFICATIONS = Set.of("mining.set_difficulty", "mining.notify");

    private StratumLineContract() {
    }

    /** The lines answered to {@code input}. @throws AssertionError if the contract is broken */
    static List<JsonNode> check(byte[] input) {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        JobBook jobs = new JobBook(4, 100);
        jobs.publish(JOB);
        StratumSettings settings = new StratumSettings(InetAddress.getLoopbackAddress(), 0, MAX_LINE_BYTES, Duration.ofMinutes(1),
                Duration.ofSeconds(30), 100, 3, 2, 100, 4, 0, Duration.ofMinutes(1), 6, Duration.ofMinutes(10), 3,
                new VardiffSettings(Duration.ofSeconds(10), Duration.ofSeconds(60), 12, 1, 1_000_000, 4), 8);
        StratumServer server = new StratumServer(settings, MAINNET.hrp(), jobs,
                new ShareValidator(jobs, () -> new JavaPowHasher(NetworkParams.regtest().pow()), Clock.systemUTC(), 120),
                new Refusals(), 1, 1, new StratumMetrics(meters, () -> 0));
        try {
            Connection channel = new Connection(server);
            channel.writeInbound(Unpooled.wrappedBuffer(input));
            channel.checkException();
            List<JsonNode> answers = answers(channel);
            boolean expectedClose = meters.counter("numi.pool.lines.too_long").count() > 0
                    || meters.counter("numi.pool.bans").count() > 0;
            if (!channel.isOpen() && !expectedClose) {
                throw new AssertionError("the connection was closed without an over-long line or a ban: an exception in the handler");
            }
            long requests = completeLines(input);
            long responses = answers.stream().filter(a -> !a.has("method")).count();
            if (responses > requests) {
                throw new AssertionError(responses + " responses to " + requests + " lines");
            }
            channel.finishAndReleaseAll();
            return answers;
        } finally {
            server.stop();
        }
    }

    private static List<JsonNode> answers(EmbeddedChannel channel) {
        StringBuilder text = new StringBuilder();
        for (ByteBuf out; (out = channel.readOutbound()) != null; ) {
            text.append(out.toString(StandardCharsets.UTF_8));
            out.release();
        }
        if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
            throw new AssertionError("an answer not ended by a newline: " + text);
        }
        List<JsonNode> answers = new ArrayList<>();
        for (String line : text.toString().split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            JsonNode answer;
            try {
                answer = StratumMessages.JSON.readTree(line);
            } catch (JacksonException e) {
                throw new AssertionError("answer is not JSON: " + line, e);
            }
            if (!answer.isObject() || !answer.has("id")) {
                throw new AssertionError("answer is not a JSON-RPC object with an id: " + line);
            }
            if (answer.has("method")) {
                if (!NOTIFICATIONS.contains(answer.get("method").asString()) || !answer.path("params").isArray()) {
                    throw new AssertionError("unknown notification: " + line);
                }
                continue;
            }
            if (line.length() > MAX_RESPONSE_BYTES) {
                throw new AssertionError("response of " + line.length() + " bytes: " + line);
            }
            JsonNode error = answer.path("error");
            boolean wellFormedError = error.isNull() || (error.isArray() && error.size() == 3 && error.get(0).isInt()
                    && error.get(1).isString() && error.get(2).isNull());
            if (!answer.has("result") || !wellFormedError || (error.isNull() == answer.get("result").isNull())) {
                throw new AssertionError("not a result or an error: " + line);
            }
            answers.add(answer);
        }
        return answers;
    }

    private static long completeLines(byte[] input) {
        long n = 0;
        for (byte b : input) {
            if (b == '\n') {
                n++;
            }
        }
        return n;
    }

    /** A job with a 2^200 target on the mainnet genesis, as the pool's own tests build one. */
    private static PoolJob job() {
        List<Transaction> txs = List.of(new CoinbaseTx(MAINNET.chainId(), 1, TestKeys.address(1), Amount.ofUnits(8_888_000_000L),
                Bytes.of(new byte[] {1})));
        BlockHeader header = new BlockHeader(1, 1, MAINNET.genesisId(), MerkleTree.root(txs), Hash256.ZERO, 1_900_000_000L,
                CompactTarget.fromTarget(BigInteger.ONE.shiftLeft(200)), 0);
        return PoolJob.of(1, new Work(1, new Block(header, txs), Amount.ZERO), true);
    }

    /** The server's pipeline (StratumServer#start) less the idle timer, on a channel from a fixed address. */
    private static final class Connection extends EmbeddedChannel {

        Connection(StratumServer server) {
            super(new LineBasedFrameDecoder(MAX_LINE_BYTES, true, true), new StringDecoder(StandardCharsets.UTF_8),
                    new StringEncoder(StandardCharsets.UTF_8), new StratumHandler(server));
        }

        @Override
        protected SocketAddress remoteAddress0() {
            return PEER;
        }
    }

    private static final class Refusals implements ShareListener {

        @Override
        public void checked(ShareSubmission share, ShareResult result) {
            throw new AssertionError("no share may reach validation with no share in flight allowed: " + share);
        }

        @Override
        public void refusedUnchecked(String address, String worker, ShareVerdict verdict) {
        }
    }
}
