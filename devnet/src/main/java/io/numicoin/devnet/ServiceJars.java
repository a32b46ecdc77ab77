package io.numicoin.devnet;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The runnable jars the devnet starts, as built in the repository ({@code <module>/target}). */
public record ServiceJars(Path node, Path mempool, Path miner, Path explorer, Path gateway, Path guardAgent, Path seed) {

    public static ServiceJars find(Path root) throws IOException {
        return new ServiceJars(
                find(root, "node-service", "-exec.jar"),
                find(root, "mempool-service", "-exec.jar"),
                find(root, "miner-service", "-exec.jar"),
                find(root, "explorer-service", "-exec.jar"),
                find(root, "gateway", "-exec.jar"),
                find(root, "devnet", "-guard.jar"),
                find(root, "seed-service", "-exec.jar"));
    }

    static Path find(Path root, String module, String suffix) throws IOException {
        Path target = root.resolve(module).resolve("target");
        if (Files.isDirectory(target)) {
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, module + "-*" + suffix)) {
                for (Path jar : jars) {
                    return jar.toAbsolutePath().normalize();
                }
            }
        }
        throw new IOException("no " + module + "-*" + suffix + " under " + target
                + ": build first (./numi devnet builds what is missing, or ./mvnw -DskipTests -pl devnet -am package)");
    }
}
