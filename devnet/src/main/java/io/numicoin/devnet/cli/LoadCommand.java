package io.numicoin.devnet.cli;

import io.numicoin.devnet.DevnetLayout;
import io.numicoin.devnet.DevnetPorts;
import io.numicoin.devnet.faucet.Faucet;
import io.numicoin.devnet.load.EntryPoint;
import io.numicoin.devnet.load.History;
import io.numicoin.devnet.load.LoadOptions;
import io.numicoin.devnet.load.LoadSession;
import io.numicoin.devnet.load.LoadStats;
import io.numicoin.protocol.money.Amount;
import io.numicoin.protocol.params.NetworkParams;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code ./numi load}: against a running devnet, funds seeded accounts from its faucet, then offers
 * signed transfers at a chosen rate through the chosen entry points, writing every submission and
 * its answer to a JSON-lines history and a progress line every 5 s.
 */
final class LoadCommand {

    static final String USAGE = """
            usage: ./numi load [--rate N] [--duration S] [--accounts N] [--entry LIST] [--seed N] [--fund NUMI]
                               [--history FILE] [--data-dir DIR] [--port-offset N]

              --rate N          transfers offered a second, over all entry points (default 5)
              --duration S      seconds of load (default 60)
              --accounts N      sending accounts, funded by the faucet first (default 40)
              --entry LIST      node1,node2,node3,node4,mempool,gateway or all (default all)
              --seed N          the accounts' keys and so every transfer follow from it (default 1)
              --fund NUMI       what the faucet pays each account (default 1)
              --history FILE    the JSON-lines history (default <data dir>/load-history.jsonl)
              --data-dir DIR    the devnet's data directory, for the faucet key (default data/devnet)
              --port-offset N   the devnet's port offset (default 0)
            """;

    private final PrintStream out;

    LoadCommand(PrintStream out) {
        this.out = out;
    }

    int run(Path root, List<String> args) throws Exception {
        CliArgs cli = CliArgs.parse(args, Set.of("--help"));
        if (cli.has("--help")) {
            out.print(USAGE);
            return 0;
        }
        Path dataDir = root.resolve(cli.get("--data-dir", "data/devnet")).toAbsolutePath().normalize();
        DevnetLayout layout = new DevnetLayout(dataDir);
        if (!Files.exists(layout.faucetKeystore())) {
            throw new IllegalArgumentException("no devnet faucet in " + dataDir + " (start one: ./numi devnet; or --data-dir DIR)");
        }
        LoadOptions options = options(cli, dataDir);
        DevnetPorts ports = new DevnetPorts(Integer.parseInt(cli.get("--port-offset", "0")));
        EntryPoint.parse(options.entries(), ports);   // refuse a bad list before funding anything
        Faucet faucet = Faucet.loadOrCreate(layout.faucetKeystore(), layout.faucetPassphrase(), layout.faucetKey(), NetworkParams.regtest(),
                out::println);
        try (History history = History.create(options.history())) {
            out.println("load: history " + options.history());
            LoadSession session = LoadSession.prepare(ports, faucet, options, history, line -> out.println("load: " + line));
            LoadStats stats = session.generator().run(options.rate(), options.duration(), () -> true, out::println,
                    ConcurrentHashMap.newKeySet());
            out.println("load: " + stats.accepted() + " of " + stats.submitted() + " transfers accepted; history " + options.history());
        }
        return 0;
    }

    static LoadOptions options(CliArgs cli, Path dataDir) {
        return new LoadOptions(Integer.parseInt(cli.get("--accounts", "40")), Double.parseDouble(cli.get("--rate", "5")),
                Duration.ofMillis(Math.round(Double.parseDouble(cli.get("--duration", "60")) * 1000)), cli.get("--entry", "all"),
                Long.parseLong(cli.get("--seed", "1")), Amount.parseNumi(cli.get("--fund", "1")).units(),
                Path.of(cli.get("--history", dataDir.resolve("load-history.jsonl").toString())).toAbsolutePath());
    }
}
