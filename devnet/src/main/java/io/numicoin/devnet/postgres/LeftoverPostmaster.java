package io.numicoin.devnet.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A PostgreSQL server still running on the devnet's data directory after its launcher was killed
 * (pg_ctl starts the server in its own session, so it outlives the launcher). Its
 * {@code postmaster.pid} names it; it is asked to stop (SIGTERM: smart shutdown) before a new one
 * starts there.
 */
final class LeftoverPostmaster {

    private static final long MAX_PID_FILE = 4096;

    private LeftoverPostmaster() {
    }

    static void stopIfRunning(Path dataDir, Duration wait, Consumer<String> say) throws IOException {
        Optional<ProcessHandle> leftover = find(dataDir.resolve("postmaster.pid"));
        if (leftover.isEmpty()) {
            return;
        }
        ProcessHandle process = leftover.get();
        say.accept("stopping a PostgreSQL left running from an earlier run (pid " + process.pid() + ")");
        process.destroy();
        try {
            process.onExit().get(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IOException("PostgreSQL pid " + process.pid() + " (from an earlier run, data in " + dataDir
                    + ") did not stop within " + wait.toSeconds() + " s; stop it and start again");
        }
    }

    private static Optional<ProcessHandle> find(Path pidFile) throws IOException {
        if (!Files.isRegularFile(pidFile) || Files.size(pidFile) > MAX_PID_FILE) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.getFirst().strip().matches("[0-9]{1,10}")) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(lines.getFirst().strip()))
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
    }
}
