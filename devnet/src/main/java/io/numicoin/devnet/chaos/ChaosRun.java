package io.numicoin.devnet.chaos;

import io.numicoin.devnet.Devnet;
import io.numicoin.devnet.DevnetOptions;
import io.numicoin.devnet.Progress;
import io.numicoin.devnet.StopSignal;
import io.numicoin.devnet.load.History;
import io.numicoin.devnet.load.LoadSession;
import io.numicoin.devnet.load.LoadStats;
import io.numicoin.devnet.load.TransferFactory;
import io.numicoin.devnet.wallet.NodeApi;
import io.numicoin.protocol.params.NetworkParams;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * One chaos run, Jepsen-style: a new devnet with a second miner (forks), the load funded and run
 * without faults, then under the seeded fault schedule until it ends; then the nodes are let settle
 * (every accepted transfer mined or the limit reached, the miners stopped, every node on one tip)
 * and the {@link ChaosChecker} judges the history.
 */
public final class ChaosRun {

    private static final Duration CONFIRM_LIMIT = Duration.ofMinutes(2);
    private static final Duration CONVERGE_LIMIT = Duration.ofSeconds(90);
    /** The schedule's own thread, started here: it keeps the launcher's context class loader (a common-pool thread has the system one). */
    private static final Executor FAULT_THREAD = task -> Thread.ofPlatform().name("fault-schedule").daemon().start(task);

    private final ChaosOptions options;
    private final Progress progress;
    private final StopSignal stop;

    public ChaosRun(ChaosOptions options, Progress progress, StopSignal stop) {
        this.options = options;
        this.progress = progress;
        this.stop = stop;
    }

    public ChaosResult run() throws Exception {
        Devnet devnet = new Devnet(new DevnetOptions(options.root(), options.dataDir(), true, options.portOffset(), options.blockInterval(),
                false, false, false), progress, stop);
        try {
            devnet.start();
            progress.say("starting a second miner (submits to node2: competing blocks, forks, reorgs)");
            devnet.startSecondMiner();
            FaultSchedule schedule = FaultSchedule.generate(options.seed(), options.faults());
            progress.say("fault schedule (seed " + options.seed() + "): " + schedule.faults());
            try (History history = History.create(options.load().history())) {
                progress.say("history: " + options.load().history());
                LoadSession session = LoadSession.prepare(devnet.ports(), devnet.faucet(), options.load(), history, progress::say);
                Set<String> accepted = ConcurrentHashMap.newKeySet();
                NodeApi node1 = new NodeApi(URI.create("http://127.0.0.1:" + devnet.ports().nodeApi(1)));

                progress.say("load without faults for " + options.baseline().toSeconds() + " s");
                ChaosResult.Phase baseline = phase(session, node1, options.baseline(), () -> true, accepted);

                FaultInjector injector = new FaultInjector(new DevnetFaultTarget(devnet), history, progress::say);
                CompletableFuture<Integer> faults = CompletableFuture.supplyAsync(() -> {
                    try {
                        return injector.run(schedule);
                    } catch (IOException e) {
                        throw new IllegalStateException("a fault could not be repaired: " + e.getMessage(), e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted", e);
                    }
                }, FAULT_THREAD);
                progress.say("load under " + schedule.faults().size() + " faults");
                ChaosResult.Phase chaos = phase(session, node1, Duration.ofHours(6), () -> !faults.isDone() && !stop.requested(), accepted);
                int applied = faults.join();

                settle(devnet, node1, accepted);
                TransferFactory factory = new TransferFactory(NetworkParams.regtest().chainId(), session.accounts());
                CheckReport report = new ChaosChecker(devnet.ports(), devnet.kafkaBootstrap(), session.accounts(), factory,
                        devnet.faucet().address(), progress::say).check(history, accepted);
                history.note("verdict", report.passed() ? "passed" : String.join("; ", report.problems()));
                return new ChaosResult(report, applied, baseline, chaos);
            }
        } finally {
            devnet.stop();
        }
    }

    private static ChaosResult.Phase phase(LoadSession session, NodeApi node1, Duration limit, java.util.function.BooleanSupplier keepGoing,
            Set<String> accepted) throws IOException, InterruptedException {
        long fromHeight = node1.chain().height();
        long started = System.nanoTime();
        Set<String> phaseAccepted = ConcurrentHashMap.newKeySet();
        LoadStats stats = session.generator().run(session.rate(), limit, keepGoing, line -> System.out.println("  " + line), phaseAccepted);
        double seconds = (System.nanoTime() - started) / 1e9;
        accepted.addAll(phaseAccepted);
        long toHeight = node1.chain().height();
        long transfers = 0;
        for (long h = fromHeight + 1; h <= toHeight; h++) {
            transfers += Math.max(0, node1.blockTransactionCount(h) - 1);
        }
        return new ChaosResult.Phase(seconds, stats.accepted(), transfers);
    }

    /** Waits until every accepted transfer is mined (or the limit), stops both miners, waits until the nodes and the mempool share one tip. */
    private void settle(Devnet devnet, NodeApi node1, Set<String> accepted) throws IOException, InterruptedException {
        progress.say("settling: waiting until the " + accepted.size() + " accepted transfers are mined");
        Set<String> waiting = new HashSet<>(accepted);
        long deadline = System.nanoTime() + CONFIRM_LIMIT.toNanos();
        while (!waiting.isEmpty() && System.nanoTime() < deadline) {
            waiting.removeIf(txid -> {
                try {
                    return node1.transactionHeight(txid) >= 0;
                } catch (IOException e) {
                    return false;
                }
            });
            if (!waiting.isEmpty()) {
                Thread.sleep(1_000);
            }
        }
        progress.say(waiting.isEmpty() ? "every accepted transfer is in a block" : waiting.size() + " accepted transfers not in a block after "
                + CONFIRM_LIMIT.toSeconds() + " s");
        devnet.stopGracefully("miner2");
        devnet.stopGracefully("miner");
        List<NodeApi> nodes = List.of(1, 2, 3, 4).stream()
                .map(n -> new NodeApi(URI.create("http://127.0.0.1:" + devnet.ports().nodeApi(n)))).toList();
        URI mempool = URI.create("http://127.0.0.1:" + devnet.ports().mempoolApi());
        long converge = System.nanoTime() + CONVERGE_LIMIT.toNanos();
        while (System.nanoTime() < converge) {
            Set<String> tips = new HashSet<>();
            for (NodeApi node : nodes) {
                try {
                    tips.add(node.chain().tipId().toHex());
                } catch (IOException e) {
                    tips.add("down: " + e.getMessage());
                }
            }
            tips.add(MempoolTip.of(mempool));
            if (tips.size() == 1) {
                progress.say("settled: node1..node4 and the mempool on " + tips.iterator().next());
                return;
            }
            Thread.sleep(1_000);
        }
        progress.say("not settled after " + CONVERGE_LIMIT.toSeconds() + " s: the checker will say where they differ");
    }
}
