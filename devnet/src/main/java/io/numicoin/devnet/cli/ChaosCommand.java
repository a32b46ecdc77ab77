package io.numicoin.devnet.cli;

import io.numicoin.devnet.Progress;
import io.numicoin.devnet.StopSignal;
import io.numicoin.devnet.chaos.ChaosOptions;
import io.numicoin.devnet.chaos.ChaosResult;
import io.numicoin.devnet.chaos.ChaosRun;
import io.numicoin.devnet.chaos.CheckReport;
import io.numicoin.devnet.load.LoadOptions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * {@code ./numi chaos}: a new devnet of its own, the load, the seeded fault schedule, the checker;
 * prints the figures and, when a check fails, the history that shows it. Exit code 0 only when
 * every check passed.
 */
final class ChaosCommand {

    static final String USAGE = """
            usage: ./numi chaos [--seed N] [--faults N] [--baseline S] [--rate N] [--accounts N] [--entry LIST]
                                [--block-interval S] [--data-dir DIR] [--port-offset N] [--history FILE]

              a NEW devnet in --data-dir (default data/chaos, deleted first), a second miner, --baseline seconds of
              load without faults (default 30), then load under --faults faults (default 20) drawn from --seed
              (default 1); then the checker (docs/chaos.md). --port-offset defaults to 400 (beside a devnet on 0)
            """;

    private final PrintStream out;

    ChaosCommand(PrintStream out) {
        this.out = out;
    }

    int run(Path root, List<String> args, Progress progress, StopSignal stop) throws Exception {
        CliArgs cli = CliArgs.parse(args, Set.of("--help"));
        if (cli.has("--help")) {
            out.print(USAGE);
            return 0;
        }
        Path dataDir = root.resolve(cli.get("--data-dir", "data/chaos")).toAbsolutePath().normalize();
        LoadOptions load = LoadCommand.options(cli, dataDir);
        ChaosOptions options = new ChaosOptions(root, dataDir, Integer.parseInt(cli.get("--port-offset", "400")),
                Duration.ofMillis(Math.round(Double.parseDouble(cli.get("--block-interval", "1")) * 1000)),
                Long.parseLong(cli.get("--seed", "1")), Integer.parseInt(cli.get("--faults", "20")),
                Duration.ofMillis(Math.round(Double.parseDouble(cli.get("--baseline", "30")) * 1000)), load);
        ChaosResult result = new ChaosRun(options, progress, stop).run();
        CheckReport report = result.report();
        result.figures().forEach(out::println);
        if (report.passed()) {
            out.println("chaos: every check passed (seed " + options.seed() + ")");
            return 0;
        }
        out.println("chaos: FAILED (seed " + options.seed() + ", replay with --seed " + options.seed() + "):");
        report.problems().forEach(p -> out.println("  " + p));
        out.println("the history that shows it (" + load.history() + "):");
        report.evidence().forEach(line -> out.println("  " + line));
        return 1;
    }
}
