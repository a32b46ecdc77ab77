package io.numicoin.devnet;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The options of {@code ./numi devnet}.
 *
 * @param root the repository root: where the services' jars are built ({@code <service>/target})
 * @param dataDir everything the devnet keeps between runs
 * @param reset delete {@code dataDir} first: a new chain
 * @param portOffset added to every port (see {@link io.numicoin.devnet.DevnetPorts})
 * @param blockInterval once the faucet is funded, at most one block per this interval
 * @param help print the usage and exit
 * @param pool also start the mining pool and a CPU Stratum miner mining to it
 * @param monitoring also run Prometheus scraping every service, with the repository's alert rules
 */
public record DevnetOptions(Path root, Path dataDir, boolean reset, int portOffset, Duration blockInterval, boolean help,
        boolean pool, boolean monitoring) {

    public static final String USAGE = """
            usage: ./numi devnet [--reset] [--data-dir DIR] [--port-offset N] [--block-interval SECONDS] [--pool] [--monitoring]

              --reset                 delete the data directory first: start from an empty chain
              --data-dir DIR          where PostgreSQL, Kafka, node keys, logs and faucet.key live (default data/devnet)
              --port-offset N         add N to every port (default 0: node1's API at http://127.0.0.1:8082)
              --block-interval S      seconds between blocks once the faucet is funded (default 5; 0 = full speed)
              --pool                  also the mining pool (Stratum 127.0.0.1:3333, page http://127.0.0.1:8088/) and a
                                      CPU Stratum miner mining to it for the faucet (docs/pool.md)
              --monitoring            also run Prometheus (Debian's prometheus package) on 127.0.0.1:9190, scraping
                                      every service, with monitoring/rules loaded (docs/monitoring.md)
            """;

    /** Parses the arguments after {@code devnet}; {@code root} is the repository root. */
    public static DevnetOptions parse(Path root, List<String> args) {
        Path dataDir = root.resolve("data/devnet");
        boolean reset = false;
        boolean help = false;
        boolean pool = false;
        boolean monitoring = false;
        int offset = 0;
        Duration interval = Duration.ofSeconds(5);
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            switch (name) {
                case "--reset" -> reset = true;
                case "--pool" -> pool = true;
                case "--monitoring" -> monitoring = true;
                case "-h", "--help", "help" -> help = true;
                case "--data-dir" -> dataDir = root.resolve(value != null ? value : next(args, ++i, name));
                case "--port-offset" -> offset = integer(name, value != null ? value : next(args, ++i, name));
                case "--block-interval" -> interval = seconds(name, value != null ? value : next(args, ++i, name));
                default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
            }
        }
        return new DevnetOptions(root, dataDir.toAbsolutePath().normalize(), reset, offset, interval, help, pool, monitoring);
    }

    private static String next(List<String> args, int index, String name) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args.get(index);
    }

    private static int integer(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a whole number, got '" + value + "'");
        }
    }

    private static Duration seconds(String name, String value) {
        try {
            Duration d = Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
            if (d.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative");
            }
            return d;
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException(name + " needs a number of seconds, got '" + value + "'");
        }
    }
}
