package io.numicoin.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root: the directory above this module holding the parent pom and the compose file. */
public final class Repository {

    private Repository() {
    }

    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("docker-compose.yml")) && Files.isRegularFile(dir.resolve("pom.xml"))
                    && Files.isDirectory(dir.resolve("deploy"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no repository root with docker-compose.yml above " + Path.of("").toAbsolutePath());
    }

    public static Path composeFile() {
        return root().resolve("docker-compose.yml");
    }
}
