package io.numicoin.bench;

import io.numicoin.protocol.address.AddressFormat;
import io.numicoin.testkit.TestKeys;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code pool.connections}: idle Stratum connections (subscribed and authorized, then silent) the
 * pool holds at once. The clients run in a child process (its own file-descriptor limit, raised by
 * bench/run like this one's); after they are all open, the server's count is read again 5 s later.
 */
final class PoolConnectionsBench implements BenchPart {

    private static final int CONNECTIONS = 10_000;

    @Override
    public String name() {
        return "pool idle connections held";
    }

    @Override
    public void run(FigureSink out) throws Exception {
        try (BenchStratumPool pool = new BenchStratumPool(1, 20_000, 4, 8)) {
            String user = AddressFormat.encode(TestKeys.address(5), BenchStratumPool.MAINNET.hrp());
            Path java = Path.of(ProcessHandle.current().info().command().orElse("java"));
            Process clients = new ProcessBuilder(List.of(java.toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                    IdleStratumClients.class.getName(), Integer.toString(pool.port()), Integer.toString(CONNECTIONS), user))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try (BufferedReader report = new BufferedReader(new InputStreamReader(clients.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = report.readLine()) != null && !line.startsWith("connected")) {
                    System.err.println("bench: clients: " + line);
                }
                System.err.println("bench: clients: " + line);
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (pool.server.connections() < CONNECTIONS && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                Thread.sleep(5_000);
                out.report("pool.connections", pool.server.connections(), "connections");
            } finally {
                clients.getOutputStream().close();
                clients.destroy();
                clients.waitFor();
            }
        }
    }
}
