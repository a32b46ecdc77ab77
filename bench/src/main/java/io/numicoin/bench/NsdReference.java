package io.numicoin.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * NSD (Debian {@code nsd}), the reference authoritative server: its own configuration in a
 * temporary directory, one zone file, {@code server-count} processes, response rate limiting off, on
 * 127.0.0.1 at a free port; started in the foreground and stopped with SIGTERM.
 */
final class NsdReference implements AutoCloseable {

    private final Process process;
    private final InetSocketAddress address;

    private NsdReference(Process process, InetSocketAddress address) {
        this.process = process;
        this.address = address;
    }

    static NsdReference start(String origin, String zoneText, int serverCount) throws Exception {
        Path dir = Files.createTempDirectory("numi-bench-nsd");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Files.writeString(dir.resolve("seed.zone"), zoneText);
        Files.writeString(dir.resolve("nsd.conf"), String.join("\n",
                "server:",
                "  ip-address: 127.0.0.1@" + port,
                "  port: " + port,
                "  username: \"\"",
                "  chroot: \"\"",
                "  zonesdir: \"" + dir + "\"",
                "  database: \"\"",
                "  pidfile: \"" + dir.resolve("nsd.pid") + "\"",
                "  xfrdfile: \"" + dir.resolve("xfrd.state") + "\"",
                "  zonelistfile: \"" + dir.resolve("zone.list") + "\"",
                "  logfile: \"" + dir.resolve("nsd.log") + "\"",
                "  server-count: " + serverCount,
                "  verbosity: 0",
                "  rrl-ratelimit: 0",  // NSD's response rate limiting off: the seed's own limiter is off in the bench too
                "  rrl-whitelist-ratelimit: 0",
                "remote-control:",
                "  control-enable: no",
                "zone:",
                "  name: " + origin,
                "  zonefile: seed.zone",
                ""));
        Process p;
        try {
            p = new ProcessBuilder(List.of("nsd", "-d", "-c", dir.resolve("nsd.conf").toString()))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("nsd.out").toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("the reference needs NSD (Debian package nsd): " + e.getMessage(), e);
        }
        NsdReference nsd = new NsdReference(p, new InetSocketAddress("127.0.0.1", port));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!nsd.answers()) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                nsd.close();
                throw new IllegalStateException("nsd did not start; see " + dir.resolve("nsd.out") + " and nsd.log");
            }
            Thread.sleep(100);
        }
        return nsd;
    }

    /** Whether it answers (anything with the query's id: even a refusal shows it listens). */
    private boolean answers() throws Exception {
        return UdpQueryLoad.answersPerSecond(address, SeedDnsQpsBench.query("invalid.", 6), 1, Duration.ofMillis(250)) > 0;
    }

    InetSocketAddress address() {
        return address;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();  // SIGTERM
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
