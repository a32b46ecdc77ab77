package io.numicoin.devnet.cli;

import io.numicoin.devnet.DevnetOptions;
import io.numicoin.devnet.Devnet;
import io.numicoin.devnet.Progress;
import io.numicoin.devnet.StopSignal;
import io.numicoin.wallet.signer.ReferenceSignerMain;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import sun.misc.Signal;

/**
 * The entry point of {@code devnet-*-exec.jar}: {@code devnet [options]} runs the local testnet
 * until SIGINT or SIGTERM; {@code wallet COMMAND} is the minimal wallet; {@code signer ...} the reference
 * external signer (docs/signer-protocol.md). The repository root (where
 * the services' jars are) is the system property {@code numi.root}, else the working directory.
 */
public final class NumiCli {

    private NumiCli() {
    }

    public static void main(String[] args) {
        List<String> list = Arrays.asList(args);
        String command = list.isEmpty() ? "help" : list.getFirst();
        List<String> rest = list.isEmpty() ? List.of() : list.subList(1, list.size());
        int code;
        try {
            code = switch (command) {
                case "devnet" -> devnet(rest);
                case "wallet" -> wallet(rest);
                case "signer" -> signer(rest);
                case "gateway" -> new GatewayKeyCommand(System.out).run(rest);
                case "load" -> load(rest);
                case "chaos" -> chaos(rest);
                default -> {
                    System.out.print(DevnetOptions.USAGE);
                    System.out.print(WalletCommand.USAGE);
                    System.out.print(ReferenceSignerMain.USAGE);
                    System.out.print(GatewayKeyCommand.USAGE);
                    System.out.print(LoadCommand.USAGE);
                    System.out.print(ChaosCommand.USAGE);
                    yield command.equals("help") ? 0 : 2;
                }
            };
        } catch (IllegalArgumentException e) {
            System.err.println("numi " + command + ": " + e.getMessage());
            code = 2;
        } catch (Exception e) {
            System.err.println("numi " + command + ": " + e.getMessage());
            code = 1;
        }
        System.exit(code);
    }

    private static int wallet(List<String> args) throws Exception {
        System.setProperty("logback.configurationFile", "logback-quiet.xml");
        return new WalletCommand(System.out).run(args);
    }

    /** The reference signer: its standard output is the protocol's, so no logging may reach it. */
    private static int signer(List<String> args) {
        System.setProperty("logback.configurationFile", "logback-quiet.xml");
        return ReferenceSignerMain.run(args, System.in, System.out, System.err, System.console(), System::getenv);
    }

    private static int load(List<String> args) throws Exception {
        System.setProperty("logback.configurationFile", "logback-quiet.xml");
        return new LoadCommand(System.out).run(root(), args);
    }

    /** A devnet of its own, the load, the faults, the checker; SIGINT or SIGTERM stops it like the devnet. */
    private static int chaos(List<String> args) throws Exception {
        Path root = root();
        Path dataDir = root.resolve("data/chaos");
        for (int i = 0; i + 1 < args.size(); i++) {
            if (args.get(i).equals("--data-dir")) {
                dataDir = root.resolve(args.get(i + 1));
            }
        }
        System.setProperty("numi.devnet.log", dataDir.toAbsolutePath().resolve("logs/launcher.log").toString());
        System.setProperty("logback.configurationFile", "logback-devnet.xml");
        Progress progress = new Progress(System.out);
        StopSignal stop = new StopSignal();
        for (String name : List.of("INT", "TERM")) {
            Signal.handle(new Signal(name), signal -> stop.request("SIG" + name));
        }
        return new ChaosCommand(System.out).run(root, args, progress, stop);
    }

    private static Path root() {
        return Path.of(System.getProperty("numi.root", "")).toAbsolutePath().normalize();
    }

    private static int devnet(List<String> args) {
        Path root = Path.of(System.getProperty("numi.root", "")).toAbsolutePath().normalize();
        DevnetOptions options = DevnetOptions.parse(root, args);
        if (options.help()) {
            System.out.print(DevnetOptions.USAGE);
            return 0;
        }
        System.setProperty("numi.devnet.log", options.dataDir().resolve("logs/launcher.log").toString());
        System.setProperty("logback.configurationFile", "logback-devnet.xml");

        Progress progress = new Progress(System.out);
        StopSignal stop = new StopSignal();
        for (String name : List.of("INT", "TERM")) {
            Signal.handle(new Signal(name), signal -> {
                if (stop.requested()) {
                    progress.say("SIG" + name + " again: already stopping");
                }
                stop.request("SIG" + name);
            });
        }
        Devnet devnet = new Devnet(options, progress, stop);
        Thread lastResort = new Thread(devnet::stop, "numi-devnet-stop");
        Runtime.getRuntime().addShutdownHook(lastResort);
        int code = 0;
        try {
            devnet.start();
            devnet.printReady();
            String failure = devnet.watch();
            if (failure != null) {
                progress.say(failure + ": stopping the devnet");
                code = 1;
            } else {
                progress.say(stop.reason() + ": stopping the devnet");
            }
        } catch (StopSignal.StopRequested e) {
            progress.say(stop.reason() + " while starting: stopping the devnet");
        } catch (Exception e) {
            progress.say("failed: " + e.getMessage());
            code = 1;
        } finally {
            devnet.stop();
        }
        return code;
    }
}
