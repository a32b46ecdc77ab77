package io.numicoin.devnet;

import io.numicoin.devnet.faucet.Faucet;
import io.numicoin.devnet.kafka.DevnetKafka;
import io.numicoin.devnet.monitoring.DevnetPrometheus;
import io.numicoin.devnet.postgres.DevnetPostgres;
import io.numicoin.devnet.process.HttpProbe;
import io.numicoin.devnet.process.ServiceProcess;
import io.numicoin.devnet.process.ServiceSpec;
import io.numicoin.devnet.wallet.NodeApi;
import io.numicoin.devnet.wallet.RandomSecretFile;
import io.numicoin.protocol.params.NetworkParams;
import io.numicoin.protocol.tx.ProtocolLimits;
import io.numicoin.support.node.NodeAccount;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The local testnet: PostgreSQL, Kafka, three nodes, the mempool and the miner, started in that
 * order, each service its own JVM. {@link #start()} returns once every service reports ready, the
 * faucet can spend and node2 and node3 have followed node1; {@link #stop()} stops them in reverse.
 */
public final class Devnet {

    /** Heights up to here are mined at full speed: the faucet's first reward (height 1) is spendable from it on. */
    static final long FAUCET_MATURE_HEIGHT = ProtocolLimits.COINBASE_MATURITY + 1L;
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final DevnetOptions options;
    private final DevnetLayout layout;
    private final DevnetPorts ports;
    private final Progress progress;
    private final StopSignal stop;
    private final HttpProbe probe = new HttpProbe();
    private final DevnetReadiness readiness;
    private final List<ServiceProcess> services = new ArrayList<>();
    private final Path javaBin = Path.of(ProcessHandle.current().info().command().orElse("java"));
    private DevnetPostgres postgres;
    private DevnetKafka kafka;
    private DevnetPrometheus prometheus;
    private Faucet faucet;
    private DataDirLock lock;
    private ServiceJars jars;
    private ServicePlan plan;
    private boolean stopped;

    public Devnet(DevnetOptions options, Progress progress, StopSignal stop) {
        this.options = options;
        this.layout = new DevnetLayout(options.dataDir());
        this.ports = new DevnetPorts(options.portOffset());
        this.progress = progress;
        this.stop = stop;
        this.readiness = new DevnetReadiness(layout, ports, progress, stop, probe);
    }

    public void start() throws Exception {
        jars = ServiceJars.find(options.root());
        lock = DataDirLock.acquire(layout.dir());
        prepareDataDir();
        checkPortsFree();

        progress.say("starting PostgreSQL on 127.0.0.1:" + ports.postgres() + " (data " + layout.postgresData() + ")");
        postgres = DevnetPostgres.start(layout.postgresData(), layout.postgresBinaries(), ports.postgres(), layout.log("postgres"),
                progress::say);
        postgres.ensureDatabases(ServicePlan.DATABASES);
        progress.say("PostgreSQL ready; databases " + String.join(", ", ServicePlan.DATABASES));

        progress.say("starting Kafka (KRaft, in the launcher) on 127.0.0.1:" + ports.kafka());
        kafka = DevnetKafka.start(layout.kafkaLogs(), ports.kafka(), ports.kafkaController());
        progress.say("Kafka ready");

        NetworkParams regtest = NetworkParams.regtest();
        faucet = Faucet.loadOrCreate(layout.faucetKeystore(), layout.faucetPassphrase(), layout.faucetKey(), regtest, progress::say);
        MiningTokenFile.ensure(layout.miningToken());
        RandomSecretFile.ensure(layout.adminToken(), "admin token");
        List<String> peerIds = List.of(peerId(1), peerId(2), peerId(3), peerId(4));   // every node's key made (encrypted) before it starts, node4 (seed only) too
        plan = new ServicePlan(layout, ports, jars, "127.0.0.1:" + postgres.port(), kafka.bootstrapServers(),
                peerIds.get(0), peerIds.get(1), faucet.address(), options.blockInterval(), FAUCET_MATURE_HEIGHT);

        progress.say("starting node1, node2, node3, the mempool and the explorer (logs in " + layout.logs() + ")");
        for (ServiceSpec spec : List.of(plan.node(1), plan.node(2), plan.node(3), plan.mempool(), plan.explorer())) {
            services.add(ServiceProcess.start(spec, javaBin, jars.guardAgent()));
        }
        readiness.awaitServices(services);
        // The seed only once node1 answers: its first visits decide whether node1 is a good peer to serve (a peer
        // failing one of its first three visits is served only after hours of visits), and node4 knows no one else.
        progress.say("starting the DNS seed and node4 (it finds its peers only through the seed)");
        List<ServiceProcess> seeded = new ArrayList<>();
        for (ServiceSpec spec : List.of(plan.seed(), plan.node(4))) {
            seeded.add(ServiceProcess.start(spec, javaBin, jars.guardAgent()));
        }
        services.addAll(seeded);
        readiness.awaitServices(seeded);
        progress.say("starting the miner (pays the faucet " + faucet.address() + ")");
        ServiceProcess miner = ServiceProcess.start(plan.miner(), javaBin, jars.guardAgent());
        services.add(miner);
        readiness.awaitServices(List.of(miner));
        progress.say("starting the gateway on 127.0.0.1:" + ports.gatewayApi() + " (the devnet's public API)");
        ServiceProcess gateway = ServiceProcess.start(plan.gateway(), javaBin, jars.guardAgent());
        services.add(gateway);
        readiness.awaitServices(List.of(gateway));
        if (options.pool()) {
            startPool(jars);
        }
        if (options.monitoring()) {
            startPrometheus();
        }
        readiness.awaitFaucetAndFollowers(faucet.address());
    }

    /** {@code --pool}: the pool on its own database, then the bundled CPU miner mining to it for the faucet. */
    private void startPool(ServiceJars jars) throws Exception {
        DevnetPool pool = new DevnetPool(layout, options.portOffset(), DevnetPool.findJar(options.root()),
                "127.0.0.1:" + postgres.port(), kafka.bootstrapServers(), ports.nodeApi(1), ports.mempoolApi());
        postgres.ensureDatabases(List.of(DevnetPool.DATABASE));
        progress.say("starting the pool (its key " + pool.ensureKey() + "; Stratum 127.0.0.1:" + pool.stratum() + ")");
        ServiceProcess poolProcess = ServiceProcess.start(pool.pool(), javaBin, jars.guardAgent());
        services.add(poolProcess);
        readiness.awaitServices(List.of(poolProcess));
        services.add(ServiceProcess.start(pool.cpuMiner(faucet.address()), javaBin, jars.guardAgent()));
    }

    /** {@code --monitoring}: Prometheus scraping every service started so far, the alert rules loaded. */
    private void startPrometheus() throws IOException {
        Path binary = DevnetPrometheus.binary().orElseThrow(() -> new IllegalStateException(
                "--monitoring needs Prometheus: apt-get install prometheus (Debian), or a prometheus binary on PATH"));
        Path rules = options.root().resolve("monitoring/rules/numi.rules.yml");
        progress.say("starting Prometheus on 127.0.0.1:" + ports.prometheus() + " (" + binary + ", rules " + rules + ")");
        prometheus = DevnetPrometheus.start(binary, services.stream().map(ServiceProcess::spec).toList(), rules, layout.prometheus(),
                ports.prometheus(), layout.log("prometheus"));
        readiness.awaitPrometheus(prometheus);
        progress.say("Prometheus ready: " + prometheus.url());
    }

    /** The devnet's ports (with its offset). */
    public DevnetPorts ports() {
        return ports;
    }

    /** The faucet: its key and address (once {@link #start()} has made or loaded it). */
    public Faucet faucet() {
        return faucet;
    }

    /** The in-process broker's bootstrap address. */
    public String kafkaBootstrap() {
        return kafka.bootstrapServers();
    }

    public DevnetLayout layout() {
        return layout;
    }

    /** The running service of that name (node1..node4, mempool, miner, miner2, explorer, seed, gateway). */
    public synchronized ServiceProcess service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service '" + name + "' in this devnet"));
    }

    /** {@code kill -9} of a service (and its children); returns once it has exited. */
    public void kill(String name) {
        service(name).kill();
    }

    /** Starts a service again from its command line (after {@link #kill} or a stop) and waits until it is ready. */
    public void restart(String name) throws IOException {
        ServiceProcess old = service(name);
        if (old.isAlive()) {
            throw new IllegalStateException(name + " is still running (pid " + old.pid() + ")");
        }
        ServiceProcess fresh = ServiceProcess.start(old.spec(), javaBin, jars.guardAgent());
        synchronized (this) {
            services.set(services.indexOf(old), fresh);
        }
        readiness.awaitServices(List.of(fresh));
    }

    /** Stops a service gracefully (SIGTERM), keeping its place for {@link #restart}. */
    public void stopGracefully(String name) {
        stopService(service(name));
    }

    /** Stops the in-process Kafka broker (every client loses its connection), keeping its data. */
    public void stopKafka() {
        kafka.stop();
    }

    /** Starts the broker again on its port and log directory. */
    public void startKafka() {
        kafka.start();
    }

    /** Stops the devnet's own PostgreSQL (fast shutdown: open connections are cut), keeping its data. */
    public void stopPostgres() throws IOException {
        postgres.close();
    }

    /** Starts the devnet's PostgreSQL again on its port and data directory. */
    public void startPostgres() throws IOException {
        postgres = DevnetPostgres.start(layout.postgresData(), layout.postgresBinaries(), ports.postgres(), layout.log("postgres"),
                progress::say);
    }

    /**
     * A second miner ({@code miner2}) that submits its blocks to node2 while the first submits to
     * node1: both mine on the mempool's templates, so they often find a block at the same height and
     * the nodes see real forks and reorganisations.
     */
    public void startSecondMiner() throws IOException {
        ServiceProcess miner2 = ServiceProcess.start(plan.secondMiner(), javaBin, jars.guardAgent());
        synchronized (this) {
            services.add(miner2);
        }
        readiness.awaitServices(List.of(miner2));
    }

    /** Prints what runs where and the {@code ready:} line. */
    public void printReady() throws IOException {
        NodeApi node1 = new NodeApi(URI.create("http://127.0.0.1:" + ports.nodeApi(1)));
        NodeAccount funds = node1.account(faucet.address());
        progress.print("");
        progress.print(String.format(Locale.ROOT, "  %-9s %-40s %-15s %-24s %-8s %s", "service", "API", "management", "p2p",
                "pid", "log"));
        for (ServiceProcess service : services) {
            ServiceSpec spec = service.spec();
            progress.print(String.format(Locale.ROOT, "  %-9s %-40s %-15s %-24s %-8d %s", spec.name(), spec.api(),
                    "127.0.0.1:" + spec.readiness().getPort(), spec.p2p().isEmpty() ? "-" : spec.p2p(), service.pid(),
                    options.dataDir().relativize(spec.log())));
        }
        progress.print(String.format(Locale.ROOT, "  %-9s %s (user postgres, databases %s)", "postgres",
                postgres.jdbcUrl(""), String.join(", ", ServicePlan.DATABASES)));
        progress.print(String.format(Locale.ROOT, "  %-9s %s", "kafka", kafka.bootstrapServers()));
        if (prometheus != null) {
            progress.print(String.format(Locale.ROOT, "  %-9s %-40s %-15s %-24s %-8d %s", "prometheus", prometheus.url(), "-", "-",
                    prometheus.pid(), options.dataDir().relativize(layout.log("prometheus"))));
        }
        progress.print(String.format(Locale.ROOT, "  %-9s %s  key %s  balance %s NUMI", "faucet", faucet.address(),
                faucet.keyFile(), numi(funds.balanceUnits())));
        progress.print(String.format(Locale.ROOT, "  %-9s %s (kept between runs; --reset starts a new chain)", "data",
                options.dataDir()));
        progress.print("");
        progress.print(String.format(Locale.ROOT,
                "ready: gateway %s, node1 %s (height %d), mempool %s, miner %s, explorer %s, faucet %s; started in %.1f s; Ctrl-C stops everything",
                "http://127.0.0.1:" + ports.gatewayApi() + "/api/v1/chain", services.getFirst().spec().api(), node1.chain().height(),
                "http://127.0.0.1:" + ports.mempoolApi(), "http://127.0.0.1:" + ports.minerApi(), "http://127.0.0.1:" + ports.explorerApi(),
                faucet.address(), progress.seconds()));
    }

    /** Returns when a stop is requested or a service exits on its own (then with its name). */
    public String watch() {
        while (true) {
            if (prometheus != null && !prometheus.isAlive() && !stop.requested()) {
                return "Prometheus exited with code " + prometheus.exitValue() + " (see " + layout.log("prometheus") + ")";
            }
            for (ServiceProcess service : services) {
                // Ctrl-C in a terminal reaches the services too: one that exits then is not a failure
                if (!service.isAlive() && !stop.requested()) {
                    return service.name() + " exited with code " + service.exitValue() + " (see " + service.spec().log() + ")";
                }
            }
            try {
                stop.pause(1_000);
            } catch (StopSignal.StopRequested e) {
                return null;
            }
        }
    }

    /** Stops the miner, the mempool, the nodes (SIGTERM, then SIGKILL after a grace period), Kafka, PostgreSQL. */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (prometheus != null) {
            progress.say("stopping Prometheus (pid " + prometheus.pid() + ")");
            prometheus.stop(STOP_GRACE);
        }
        List<ServiceProcess> reverse = new ArrayList<>(services).reversed();
        List<ServiceProcess> nodes = reverse.stream().filter(s -> s.name().startsWith("node")).toList();
        for (ServiceProcess service : reverse) {
            if (!nodes.contains(service)) {
                stopService(service);
            }
        }
        List<Thread> stopping = nodes.stream()
                .map(node -> Thread.ofPlatform().name("numi-devnet-stop-" + node.name()).start(() -> stopService(node)))
                .toList();
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (kafka != null) {
            progress.say("stopping Kafka");
            kafka.close();
        }
        if (postgres != null) {
            progress.say("stopping PostgreSQL");
            try {
                postgres.close();
            } catch (IOException e) {
                progress.say("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }
        boolean started = postgres != null;
        if (lock != null) {
            lock.close();
        }
        if (started) {
            progress.say("stopped; data kept in " + options.dataDir());
        }
    }

    private void stopService(ServiceProcess service) {
        progress.say("stopping " + service.name() + " (pid " + service.pid() + ")");
        if (!service.stop(STOP_GRACE)) {
            progress.say(service.name() + " did not stop within " + STOP_GRACE.toSeconds() + " s: killed");
        }
    }

    private void prepareDataDir() throws IOException {
        if (options.reset() && Files.exists(layout.dir())) {
            progress.say("--reset: deleting " + layout.dir());
            try (var paths = Files.walk(layout.dir())) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        boolean fresh = !Files.exists(layout.faucetKeystore()) && !Files.exists(layout.faucetKey());
        Files.createDirectories(layout.logs());
        progress.say((fresh ? "new devnet in " : "devnet data kept from the last run in ") + layout.dir());
    }

    private void checkPortsFree() {
        for (Map.Entry<Integer, String> port : ports.all().entrySet()) {
            try (ServerSocket socket = new ServerSocket(port.getKey(), 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                throw new IllegalStateException("port " + port.getKey() + " (" + port.getValue() + ") is in use on 127.0.0.1: "
                        + "is another devnet running? Stop it, or move every port with --port-offset N");
            }
        }
    }

    private String peerId(int n) throws IOException {
        return NodeKeys.peerId(layout.nodeP2p(n), layout.nodeKeyPassphrase(n));
    }

    private static String numi(long units) {
        return BigDecimal.valueOf(units, 8).toPlainString();
    }
}
