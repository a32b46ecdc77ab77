package io.numicoin.deploy.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * {@code podman system service} on a socket of the test's own: the Docker API docker-compose v1
 * talks to. Closing stops it (SIGTERM); the containers it made live on in podman.
 */
final class PodmanService implements AutoCloseable {

    private final Process process;
    private final Path socket;

    private PodmanService(Process process, Path socket) {
        this.process = process;
        this.socket = socket;
    }

    static PodmanService start(Podman podman, Path workDir) {
        Path socket = workDir.resolve("podman.sock");
        Path log = workDir.resolve("podman-service.log");
        try {
            Files.deleteIfExists(socket);
            ProcessBuilder builder = new ProcessBuilder(Podman.BINARY.toString(), "system", "service", "--time=0", "unix://" + socket)
                    .redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().putAll(podman.environment());
            PodmanService service = new PodmanService(builder.start(), socket);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!Files.exists(socket)) {
                if (!service.process.isAlive() || System.nanoTime() > deadline) {
                    service.close();
                    throw new IllegalStateException("podman system service did not open " + socket + ": " + Files.readString(log));
                }
                Thread.sleep(100);
            }
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The value of {@code DOCKER_HOST} for docker-compose. */
    String dockerHost() {
        return "unix://" + socket;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            Files.deleteIfExists(socket);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException ignored) {
            // the socket file of a stopped service
        }
    }
}
