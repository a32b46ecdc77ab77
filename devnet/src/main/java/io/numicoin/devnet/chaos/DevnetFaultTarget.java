package io.numicoin.devnet.chaos;

import io.numicoin.devnet.Devnet;
import io.numicoin.devnet.wallet.NodeApi;
import io.numicoin.support.node.NodeChainTip;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/** The faults on a {@link Devnet} run by this launcher: its own processes, its own broker, its own PostgreSQL. */
public final class DevnetFaultTarget implements FaultTarget {

    private final Devnet devnet;
    private final NodeAdmin admin;

    public DevnetFaultTarget(Devnet devnet) {
        this.devnet = devnet;
        this.admin = new NodeAdmin(devnet.layout().adminToken());
    }

    @Override
    public void networkOff(String node) throws IOException {
        admin.run(devnet.ports().nodeManagement(number(node)), "network-off");
    }

    @Override
    public void networkOn(String node) throws IOException {
        admin.run(devnet.ports().nodeManagement(number(node)), "network-on");
    }

    @Override
    public NodeChainTip tip(String node) throws IOException {
        return new NodeApi(URI.create("http://127.0.0.1:" + devnet.ports().nodeApi(number(node)))).chain();
    }

    /** {@code node2} -> 2. */
    private static int number(String node) {
        if (!node.matches("node[1-4]")) {
            throw new IllegalArgumentException("not a devnet node: " + node);
        }
        return node.charAt(4) - '0';
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
