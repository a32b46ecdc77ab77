package io.numicoin.seed;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Debian's {@code dig} (package {@code dnsutils}; {@code .ci/run} installs it) against a server. */
public final class Dig {

    private final InetSocketAddress server;

    public Dig(InetSocketAddress server) {
        this.server = server;
    }

    /** {@code dig @host -p port <args>}: its standard output (fails the test if dig is missing or hangs). */
    public String run(String... args) {
        List<String> command = new ArrayList<>(List.of("dig", "@" + server.getAddress().getHostAddress(), "-p",
                Integer.toString(server.getPort()), "+time=5", "+tries=1"));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("dig did not finish: " + command);
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("dig is needed (Debian package dnsutils; .ci/run installs it): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** {@code +short} answers, one per line. */
    public List<String> answers(String name, String type, String... more) {
        List<String> args = new ArrayList<>(List.of("+short", name, type));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new)).lines().filter(l -> !l.isBlank() && !l.startsWith(";;")).toList();
    }
}
