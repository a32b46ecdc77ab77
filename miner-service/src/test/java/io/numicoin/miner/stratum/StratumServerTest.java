package io.numicoin.miner.stratum;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.miner.mining.FoundBlock;
import io.numicoin.miner.mining.Work;
import io.numicoin.miner.pow.JavaPowHasher;
import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.bytes.Bytes;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.hash.Hash256;
import io.numicoin.protocol.money.Amount;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.protocol.pow.PowCheck;
import io.numicoin.protocol.pow.header.ProofOfWork;
import io.numicoin.protocol.tx.CoinbaseTx;
import io.numicoin.testkit.TestKeys;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A worker over a real socket: subscribe, receive work, mine its own nonce slice, submit. */
class StratumServerTest {

    private static final NetworkParams PARAMS = NetworkParams.regtest();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LinkedBlockingQueue<FoundBlock> found = new LinkedBlockingQueue<>();
    private Work work;
    private StratumServer server;

    @BeforeEach
    void start() throws Exception {
        CoinbaseTx coinbase = new CoinbaseTx(PARAMS.chainId(), 1, TestKeys.address(1), Amount.ofUnits(1), Bytes.EMPTY);
        BlockHeader header = new BlockHeader(1, 1, PARAMS.genesisId(), Hash256.ZERO, Hash256.ZERO,
                PARAMS.genesis().header().timestamp() + 1, PARAMS.genesis().header().target(), 0);
        work = new Work(7, new Block(header, List.of(coinbase)), Amount.ZERO);
        server = new StratumServer(InetAddress.getLoopbackAddress(), 0, () -> Optional.of(work), found::add,
                () -> new JavaPowHasher(PARAMS.pow()), BigInteger.ONE.shiftLeft(248).subtract(BigInteger.ONE));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private record Client(Socket socket, BufferedReader in, PrintWriter out) implements AutoCloseable {

        static Client connect(int port) throws Exception {
            Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout(10_000);
            return new Client(socket, new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)),
                    new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8));
        }

        JsonNode call(int id, String method, String params) throws Exception {
            out.println("{\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}");
            return next(n -> n.path("id").asInt(-1) == id);
        }

        JsonNode next(java.util.function.Predicate<JsonNode> wanted) throws Exception {
            while (true) {
                JsonNode message = JSON.readTree(in.readLine());
                if (wanted.test(message)) {
                    return message;
                }
            }
        }

        @Override
        public void close() throws Exception {
            socket.close();
        }
    }

    @Test
    void aWorkerMinesItsSliceAndItsBlockIsHandedOn() throws Exception {
        try (Client client = Client.connect(server.localPort())) {
            JsonNode subscribed = client.call(1, "mining.subscribe", "[\"test-worker\"]");
            long nonceStart = Long.parseUnsignedLong(subscribed.path("result").path("nonceStart").asString());
            assertThat(subscribed.path("result").path("nonceBits").asInt()).isEqualTo(48);

            JsonNode notify = client.next(n -> n.path("method").asString("").equals("mining.notify"));
            assertThat(notify.path("params").path(0).asString()).isEqualTo("7");
            BlockHeader header = BlockHeaderCodec.decode(Bytes.fromHex(notify.path("params").path(1).asString()).toArray());
            assertThat(header).isEqualTo(work.block().header());

            ProofOfWork pow = new ProofOfWork(PARAMS.pow());
            BlockHeader solved = pow.mine(header, nonceStart, 10_000, () -> false).orElseThrow();
            JsonNode accepted = client.call(2, "mining.submit", "[\"7\",\"" + Long.toUnsignedString(solved.nonce()) + "\"]");
            assertThat(accepted.path("error").isNull()).as("%s", accepted).isTrue();
            assertThat(accepted.path("result").path("block").asBoolean()).isTrue();

            FoundBlock block = found.poll(5, TimeUnit.SECONDS);
            assertThat(block).isNotNull();
            assertThat(block.work()).isSameAs(work);
            assertThat(pow.verify(block.header())).isEqualTo(PowCheck.VALID);
            assertThat(server.sharesAccepted()).isEqualTo(1);
        }
    }

    @Test
    void staleJobsAndForeignNoncesAreRefused() throws Exception {
        try (Client first = Client.connect(server.localPort()); Client second = Client.connect(server.localPort())) {
            long a = Long.parseUnsignedLong(first.call(1, "mining.subscribe", "[]").path("result").path("nonceStart").asString());
            long b = Long.parseUnsignedLong(second.call(1, "mining.subscribe", "[]").path("result").path("nonceStart").asString());
            assertThat(a).isNotEqualTo(b);

            JsonNode stale = first.call(2, "mining.submit", "[\"6\",\"" + Long.toUnsignedString(a) + "\"]");
            assertThat(stale.path("error").asString()).isEqualTo("stale job");
            JsonNode foreign = first.call(3, "mining.submit", "[\"7\",\"" + Long.toUnsignedString(b) + "\"]");
            assertThat(foreign.path("error").asString()).isEqualTo("nonce outside this connection's range");
            JsonNode unknown = first.call(4, "mining.authorize", "[]");
            assertThat(unknown.path("error").asString()).isEqualTo("unknown method");
            assertThat(server.sharesRejected()).isEqualTo(2);
            assertThat(found).isEmpty();
        }
    }
}
