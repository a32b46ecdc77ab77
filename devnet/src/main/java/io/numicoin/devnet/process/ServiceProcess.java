package io.numicoin.devnet.process;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A service JVM started by the launcher: {@code java [options] -javaagent:<guard> -jar <jar> [arguments]}
 * in its own directory, standard output and error appended to its log file, standard input a
 * pipe the launcher holds open (the guard agent stops the service when it closes: the launcher
 * is gone). Stopping sends SIGTERM (Spring's graceful shutdown), then SIGKILL after a grace period.
 */
public final class ServiceProcess {

    private final ServiceSpec spec;
    private final Process process;
    @SuppressWarnings("unused") // held open on purpose: closing it tells the child's guard to stop
    private final OutputStream launcherPipe;

    private ServiceProcess(ServiceSpec spec, Process process) {
        this.spec = spec;
        this.process = process;
        this.launcherPipe = process.getOutputStream();
    }

    public static ServiceProcess start(ServiceSpec spec, Path javaBin, Path guardAgent) throws IOException {
        Files.createDirectories(spec.workDir());
        Files.createDirectories(spec.log().getParent());
        List<String> command = new ArrayList<>();
        command.add(javaBin.toString());
        command.addAll(spec.jvmOptions());
        command.add("-javaagent:" + guardAgent);
        command.add("-jar");
        command.add(spec.jar().toString());
        command.addAll(spec.arguments());
        Files.writeString(spec.log(), "\n==== numi devnet: starting " + spec.name() + ": " + String.join(" ", command) + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Process process = new ProcessBuilder(command)
                .directory(spec.workDir().toFile())
                .redirectInput(Redirect.PIPE)
                .redirectOutput(Redirect.appendTo(spec.log().toFile()))
                .redirectErrorStream(true)
                .start();
        return new ServiceProcess(spec, process);
    }

    public ServiceSpec spec() {
        return spec;
    }

    public String name() {
        return spec.name();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code; only once the process has exited. */
    public int exitValue() {
        return process.exitValue();
    }

    /** {@code kill -9} of the service and its children; returns once it has exited. */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops the service: SIGTERM, then SIGKILL (with its child processes) if it has not exited
     * within {@code grace}. Returns true if it stopped on SIGTERM.
     */
    public boolean stop(Duration grace) {
        if (!process.isAlive()) {
            return true;
        }
        process.destroy();
        try {
            if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }
}
