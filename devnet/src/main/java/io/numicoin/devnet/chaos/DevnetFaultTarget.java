package io.numicoin.devnet.chaos;

import io.numicoin.devnet.Devnet;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** The faults on a {@link Devnet} run by this launcher: its own processes, its own broker, its own PostgreSQL. */
public final class DevnetFaultTarget implements FaultTarget {

    private final Devnet devnet;

    public DevnetFaultTarget(Devnet devnet) {
        this.devnet = devnet;
    }

    @Override
    public void kill(String service) {
        devnet.kill(service);
    }

    @Override
    public void restart(String service) throws IOException {
        devnet.restart(service);
    }

    @Override
    public void freeze(String service) throws IOException {
        signal("STOP", devnet.service(service).pid());
    }

    @Override
    public void thaw(String service) throws IOException {
        signal("CONT", devnet.service(service).pid());
    }

    @Override
    public void stopKafka() {
        devnet.stopKafka();
    }

    @Override
    public void startKafka() {
        devnet.startKafka();
    }

    @Override
    public void stopPostgres() throws IOException {
        devnet.stopPostgres();
    }

    @Override
    public void startPostgres() throws IOException {
        devnet.startPostgres();
    }

    /** {@code kill -SIG pid}: Java sends only SIGTERM and SIGKILL itself. */
    private static void signal(String signal, long pid) throws IOException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).redirectErrorStream(true).start();
        try {
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IOException("kill -" + signal + " " + pid + " failed: " + new String(kill.getInputStream().readAllBytes()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted sending SIG" + signal, e);
        }
    }
}
