package io.numicoin.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one command, for real: {@code ./numi devnet --pool} (jars from this build) starts PostgreSQL, Kafka,
 * three nodes, the mempool, the miner, the pool and its bundled CPU miner as processes; the pool takes the
 * CPU miner's shares on its Stratum port and finds blocks; blocks are mined and followed by node2 and
 * node3; {@code ./numi wallet send} pays from the faucet through node1's API and the transfer is
 * confirmed on every node, and so are sends through node2 and node3 (relayed to the event source,
 * answered with the mempool's verdict); a refused send names the mempool's rule; a 2-of-3 multisig spend signed on
 * three machines, one an external signer ({@link DevnetMultisigFlow}), is confirmed on every node; SIGTERM (what a
 * service manager sends; a background shell starts children with SIGINT ignored, so SIGINT would not
 * do) stops everything with exit code 0, leaving no process and no port behind. Ports are offset ({@code -Dnumi.devnet.it.port-offset}, default 700).
 */
class DevnetSmokeIT {

    /** Until 'ready:'; {@code -Dnumi.devnet.it.ready-minutes} on a machine shared with other builds. */
    private static final Duration READY_LIMIT = Duration.ofMinutes(Long.getLong("numi.devnet.it.ready-minutes", 6));
    private static final Duration STEP_LIMIT = Duration.ofMinutes(2);
    private static final Duration STOP_LIMIT = Duration.ofMinutes(2);
    private static final long TWO_NUMI = 200_000_000L;
    private static final long ONE_AND_A_HALF_NUMI = 150_000_000L;
    private static final long HALF_NUMI = 50_000_000L;

    private final Path root = Path.of("..").toAbsolutePath().normalize();
    private final Path dataDir = Path.of("target/devnet-smoke").toAbsolutePath();
    private final DevnetPorts ports = new DevnetPorts(Integer.getInteger("numi.devnet.it.port-offset", 700));
    /** Only for the pool's ports (API, Stratum). */
    private final DevnetPool pool = new DevnetPool(new DevnetLayout(dataDir), ports.offset(), Path.of("unused"), "", "", 0, 0);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<String> output = Collections.synchronizedList(new ArrayList<>());
    private Process devnet;

    @Test
    void oneCommandMinesConfirmsATransferAndStopsCleanly() throws Exception {
        long started = System.nanoTime();
        ProcessBuilder command = numi("devnet", "--reset", "--data-dir", dataDir.toString(), "--port-offset", Integer.toString(ports.offset()),
                "--block-interval", "1", "--pool");
        // the launcher's own limit for services to report ready follows this test's
        command.environment().put("NUMI_JAVA_OPTS", "-Dnumi.devnet.startup-minutes=" + READY_LIMIT.toMinutes());
        devnet = command.start();
        Thread reader = Thread.ofPlatform().daemon().start(this::readOutput);

        await(READY_LIMIT, "a line starting with 'ready:'", () -> output.stream().anyMatch(l -> l.startsWith("ready:")));
        System.out.printf("devnet ready in %.1f s%n", seconds(started));
        List<ProcessHandle> children = devnet.descendants().toList();
        assertThat(children).as("the services' JVMs").hasSizeGreaterThanOrEqualTo(6);
        String explorer = "http://127.0.0.1:" + ports.explorerApi();
        assertThat(output).anyMatch(l -> l.startsWith("ready:") && l.contains("explorer " + explorer));

        long readyHeight = chain(1).path("height").asLong();
        assertThat(readyHeight).isGreaterThanOrEqualTo(101);
        await(STEP_LIMIT, "node1 mining on past height " + readyHeight, () -> chain(1).path("height").asLong() > readyHeight + 2);
        for (int n = 2; n <= 4; n++) {   // node4 was given no address: it found the others through the DNS seed
            int node = n;
            await(STEP_LIMIT, "node" + n + " following node1", () -> chain(node).path("height").asLong() > readyHeight + 2);
        }

        thePoolTakesTheBundledMinersShares();
        System.out.printf("pool checked %.1f s after start%n", seconds(started));

        Path aliceKey = dataDir.resolve("alice.key");
        assertThat(run("wallet", "new", "--insecure-plaintext", "--key", aliceKey.toString())).isZero();
        String alice = lastLine(runOutput("wallet", "address", "--key", aliceKey.toString()));
        String faucetPassphrase = "file:" + dataDir.resolve("faucet.passphrase");
        // Two sends in a row: the second takes the nonce after the first, still pending in the mempool.
        String mempool = "http://127.0.0.1:" + ports.mempoolApi();
        List<String> first = runOutput("wallet", "send", "--node", nodeUrl(1), "--mempool", mempool,
                "--key", dataDir.resolve("faucet.numikey").toString(), "--passphrase-source", faucetPassphrase, "--to", alice, "--amount", "0.5");
        // pending, or already mined when a block came first (the devnet mines a block a second)
        assertThat(first).as("%s", first).anyMatch(l -> l.equals("pending: in the mempool") || l.startsWith("confirmed in block "));
        // the second through the gateway, the devnet's public entry (./numi wallet's default)
        String gateway = "http://127.0.0.1:" + ports.gatewayApi();
        List<String> sent = runOutput("wallet", "send", "--node", gateway, "--mempool", gateway,
                "--key", dataDir.resolve("faucet.numikey").toString(), "--passphrase-source", faucetPassphrase, "--to", alice, "--amount", "1.5", "--wait");
        Matcher txid = Pattern.compile("txid:\\s+([0-9a-f]{64})").matcher(String.join("\n", sent));
        assertThat(txid.find()).as("%s", sent).isTrue();
        assertThat(sent).anyMatch(l -> l.startsWith("confirmed in block"));

        JsonNode tx = get(nodeUrl(1) + "/api/v1/transactions/" + txid.group(1));
        assertThat(tx.path("recipient").asString()).isEqualTo(alice);
        assertThat(tx.path("amount").path("units").asLong()).isEqualTo(ONE_AND_A_HALF_NUMI);
        for (int n = 1; n <= 3; n++) {
            String url = nodeUrl(n) + "/api/v1/accounts/" + alice;
            await(STEP_LIMIT, "alice's 2 NUMI on node" + n, () -> get(url).path("balance").path("units").asLong() == TWO_NUMI);
        }
        System.out.printf("transfer confirmed %.1f s after start%n", seconds(started));
        String explorerTx = explorer + "/api/v1/explorer/transactions/" + txid.group(1);
        await(STEP_LIMIT, "the explorer showing the transfer confirmed", () -> get(explorerTx).path("status").path("confirmed").asBoolean());
        assertThat(get(explorerTx).path("recipient").asString()).isEqualTo(alice);

        // Sends through node2 and node3 (not the event source): relayed, mined, confirmed on every node.
        // Bob's key is an encrypted keystore in a wallet directory, unlocked from a passphrase file to send.
        String wallets = dataDir.resolve("wallets").toString();
        Path bobPassphrase = Files.writeString(dataDir.resolve("bob.passphrase"), "bob's devnet passphrase\n");
        String bobSource = "file:" + bobPassphrase;
        assertThat(run("wallet", "create", "--name", "bob", "--wallet-dir", wallets, "--passphrase-source", bobSource)).isZero();
        String bob = lastLine(runOutput("wallet", "address", "--key", "bob", "--wallet-dir", wallets));
        for (int via = 2; via <= 3; via++) {
            List<String> viaNode = runOutput("wallet", "send", "--node", nodeUrl(via), "--mempool", mempool,
                    "--key", dataDir.resolve("faucet.numikey").toString(), "--passphrase-source", faucetPassphrase, "--to", bob, "--amount", "0.25", "--wait");
            Matcher id = Pattern.compile("txid:\\s+([0-9a-f]{64})").matcher(String.join("\n", viaNode));
            assertThat(id.find()).as("%s", viaNode).isTrue();
            assertThat(viaNode).as("%s", viaNode).contains("status: ACCEPTED by the mempool: ADDED")
                    .anyMatch(l -> l.startsWith("confirmed in block"));
            for (int n = 1; n <= 3; n++) {
                String url = nodeUrl(n) + "/api/v1/transactions/" + id.group(1);
                await(STEP_LIMIT, "the send through node" + via + " confirmed on node" + n,
                        () -> get(url).path("confirmations").asLong() >= 1);
            }
        }
        for (int n = 1; n <= 3; n++) {
            String url = nodeUrl(n) + "/api/v1/accounts/" + bob;
            await(STEP_LIMIT, "bob's 0.5 NUMI on node" + n, () -> get(url).path("balance").path("units").asLong() == HALF_NUMI);
        }
        // A refused transfer names the rule: bob's 0.5 NUMI pays 0.3 once, not twice. The second send is
        // refused by the mempool (its pending 0.3 counted), or by node3 itself if the first was mined meanwhile.
        List<String> once = runOutput("wallet", "send", "--node", nodeUrl(2), "--mempool", mempool,
                "--key", "bob", "--wallet-dir", wallets, "--passphrase-source", bobSource, "--to", alice, "--amount", "0.3");
        assertThat(once).as("%s", once).contains("status: ACCEPTED by the mempool: ADDED");
        List<String> refused = runOutputFailing("wallet", "send", "--node", nodeUrl(3), "--mempool", mempool,
                "--key", "bob", "--wallet-dir", wallets, "--passphrase-source", bobSource, "--to", alice, "--amount", "0.3");
        assertThat(refused).as("%s", refused).anyMatch(l -> l.startsWith("refused (422): INSUFFICIENT_BALANCE: "));
        System.out.println("refused send: " + refused.getLast());
        System.out.printf("sends through node2 and node3 confirmed %.1f s after start%n", seconds(started));

        // A 2-of-3 multisig spend: three machines (directories), one of them an external signer; combined and confirmed
        String multisigTxid = new DevnetMultisigFlow(dataDir.resolve("multisig"), root.resolve("numi"), this::runOutput, nodeUrl(1), mempool,
                List.of("--key", dataDir.resolve("faucet.numikey").toString(), "--passphrase-source", faucetPassphrase))
                .spendTwoOfThree(address -> get(nodeUrl(1) + "/api/v1/accounts/" + address).path("balance").path("units").asLong());
        for (int n = 1; n <= 3; n++) {
            String url = nodeUrl(n) + "/api/v1/transactions/" + multisigTxid;
            await(STEP_LIMIT, "the multisig transfer confirmed on node" + n, () -> get(url).path("policyThreshold").asInt() == 2);
        }
        System.out.printf("2-of-3 multisig transfer confirmed %.1f s after start%n", seconds(started));

        // SIGTERM, what service managers send (a background shell starts children with SIGINT ignored)
        long stopping = System.nanoTime();
        assertThat(new ProcessBuilder("kill", "-TERM", Long.toString(devnet.pid())).start().waitFor()).isZero();
        assertThat(devnet.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)).as("stopped within %s", STOP_LIMIT).isTrue();
        reader.join(5_000);
        System.out.printf("stopped in %.1f s; whole run %.1f s%n", seconds(stopping), seconds(started));
        assertThat(devnet.exitValue()).as("exit code; output:%n%s", String.join("\n", output)).isZero();
        assertThat(output).anyMatch(l -> l.contains("stopped; data kept in"));
        assertThat(children).noneMatch(ProcessHandle::isAlive);
        for (int port : List.of(ports.nodeApi(1), ports.nodeApi(2), ports.nodeApi(3), ports.nodeP2p(1), ports.mempoolApi(),
                ports.minerApi(), ports.kafka(), ports.postgres(), pool.api(), pool.stratum())) {
            assertThat(free(port)).as("port %d free", port).isTrue();
        }
    }

    /**
     * {@code --pool}: the bundled CPU miner mines to the faucet's address through the devnet's Stratum
     * port; the pool accepts its shares, finds blocks node1 connects, and its page and API answer.
     */
    private void thePoolTakesTheBundledMinersShares() throws InterruptedException {
        String faucet = output.stream().filter(l -> l.startsWith("ready:")).findFirst().map(l -> {
            Matcher m = Pattern.compile("faucet (rnumi1[0-9a-z]+)").matcher(l);
            return m.find() ? m.group(1) : "";
        }).orElse("");
        assertThat(faucet).startsWith("rnumi1");
        String api = "http://127.0.0.1:" + pool.api();
        assertThat(output).anyMatch(l -> l.contains("Stratum 127.0.0.1:" + pool.stratum()));
        await(STEP_LIMIT, "the CPU miner's shares accepted on Stratum port " + pool.stratum(), () -> {
            JsonNode workers = get(api + "/api/v1/pool/workers?address=" + faucet);
            return workers.path(0).path("worker").asString("").equals("devnet") && workers.path(0).path("accepted").asLong() >= 3;
        });
        // the pool's blocks race the devnet miner's at the same heights: one of them is on node1's active chain
        await(STEP_LIMIT, "a block found by the pool on node1's chain", () -> {
            for (JsonNode found : get(api + "/api/v1/pool/blocks?limit=50")) {
                if (found.path("finder").asString().startsWith(faucet) && found.path("blockId").asString()
                        .equals(get(nodeUrl(1) + "/api/v1/blocks/height/" + found.path("height").asLong()).path("id").asString())) {
                    return true;
                }
            }
            return false;
        });
        JsonNode summary = get(api + "/api/v1/pool");
        assertThat(summary.path("connections").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(text(api + "/")).contains("<h1>NumiCoin pool</h1>");
    }

    @AfterEach
    void leaveNothingRunning() throws IOException {
        if (devnet != null && devnet.isAlive()) {
            devnet.descendants().forEach(ProcessHandle::destroyForcibly);
            devnet.destroyForcibly();
        }
        Path pid = dataDir.resolve("postgres/postmaster.pid");
        if (Files.isRegularFile(pid)) {
            ProcessHandle.of(Long.parseLong(Files.readAllLines(pid).getFirst().strip())).ifPresent(ProcessHandle::destroy);
        }
        Path log = Path.of("target/devnet-smoke.out");
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(log))) {
            synchronized (output) {
                output.forEach(out::println);
            }
        }
    }

    private ProcessBuilder numi(String... args) {
        List<String> command = new ArrayList<>();
        command.add(root.resolve("numi").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().put("NUMI_DEVNET_SKIP_BUILD", "1");
        return builder;
    }

    private int run(String... args) throws Exception {
        Process process = numi(args).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor(STEP_LIMIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }

    private List<String> runOutput(String... args) throws Exception {
        Process process = numi(args).start();
        List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(process.waitFor(STEP_LIMIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("numi %s: %s", String.join(" ", args), lines).isZero();
        return lines;
    }

    private List<String> runOutputFailing(String... args) throws Exception {
        Process process = numi(args).start();
        List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(process.waitFor(STEP_LIMIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("numi %s: %s", String.join(" ", args), lines).isEqualTo(1);
        return lines;
    }

    private void readOutput() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(devnet.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                output.add(line);
            }
        } catch (IOException e) {
            output.add("(output stream closed: " + e.getMessage() + ")");
        }
    }

    private void await(Duration limit, String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (!devnet.isAlive()) {
                fail("the devnet exited (%d) while waiting for %s; output:%n%s", devnet.exitValue(), what, String.join("\n", output));
            }
            if (System.nanoTime() > deadline) {
                fail("no %s within %s; output:%n%s", what, limit, String.join("\n", output));
            }
            Thread.sleep(500);
        }
    }

    private String nodeUrl(int n) {
        return "http://127.0.0.1:" + ports.nodeApi(n);
    }

    private JsonNode chain(int n) {
        return get(nodeUrl(n) + "/api/v1/chain");
    }

    /** The body of a GET that must answer 200. */
    private String text(String url) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET %s", url).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new AssertionError("GET " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The JSON answer of a GET, or an empty object when the service does not answer 200. */
    private JsonNode get(String url) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? json.readTree(response.body()) : json.createObjectNode();
        } catch (IOException e) {
            return json.createObjectNode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return json.createObjectNode();
        }
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return socket.isBound();
        } catch (IOException e) {
            return false;
        }
    }

    private static String lastLine(List<String> lines) {
        assertThat(lines).isNotEmpty();
        return lines.getLast().strip();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
