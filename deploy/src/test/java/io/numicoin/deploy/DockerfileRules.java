package io.numicoin.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The one Dockerfile: selects the module with {@code ARG SERVICE}, takes its {@code -exec} jar,
 * splits it into Spring Boot's layers, runs as a user other than root, installs the
 * {@code numi-healthcheck} the compose healthchecks run, and copies only files that exist (a path
 * made of build arguments is not checked here: ComposeStackIT builds that stage).
 */
final class DockerfileRules {

    private DockerfileRules() {
    }

    static void check(Path root, Path dockerfile, List<String> problems) {
        if (!Files.isRegularFile(dockerfile)) {
            problems.add("Dockerfile: " + dockerfile + " does not exist");
            return;
        }
        List<String> instructions = instructions(dockerfile);
        if (instructions.stream().noneMatch(i -> i.matches("(?i)ARG\\s+SERVICE(=.*)?"))) {
            problems.add("Dockerfile: no ARG SERVICE (the module to build)");
        }
        if (instructions.stream().noneMatch(i -> i.contains("${SERVICE}") && i.contains("-exec.jar"))) {
            problems.add("Dockerfile: does not take the module's runnable jar (${SERVICE}-*-exec.jar)");
        }
        if (instructions.stream().noneMatch(i -> i.contains("-Djarmode=tools") && i.contains("extract") && i.contains("--layers"))) {
            problems.add("Dockerfile: does not extract the jar's layers (java -Djarmode=tools -jar ... extract --layers)");
        }
        String user = instructions.stream().filter(i -> i.matches("(?i)USER\\s+.*")).reduce((a, b) -> b).orElse("USER root");
        if (user.matches("(?i)USER\\s+(root|0)(:.*)?")) {
            problems.add("Dockerfile: the image runs as root (add a USER)");
        }
        boolean healthcheck = false;
        for (String instruction : instructions) {
            if (!instruction.matches("(?i)(COPY|ADD)\\s+.*") || instruction.contains("--from=")) {
                continue;
            }
            List<String> words = new ArrayList<>(Arrays.asList(instruction.split("\\s+")));
            words.removeFirst();
            words.removeIf(w -> w.startsWith("--"));
            String destination = words.removeLast();
            for (String source : words) {
                if (source.contains("${")) {
                    // a path from build arguments (the jar-target stage's reactor jar): ComposeStackIT builds it
                    continue;
                }
                if (!source.equals(".") && !Files.exists(root.resolve(source).normalize())) {
                    problems.add("Dockerfile: copies " + source + ", which does not exist in the repository");
                } else if (destination.endsWith("/numi-healthcheck") && Files.isExecutable(root.resolve(source))) {
                    healthcheck = true;
                }
            }
        }
        if (!healthcheck) {
            problems.add("Dockerfile: does not install the executable numi-healthcheck the compose healthchecks run");
        }
    }

    /** The instructions, continuation lines joined, comments dropped. */
    private static List<String> instructions(Path dockerfile) {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        try {
            for (String line : Files.readAllLines(dockerfile)) {
                String trimmed = line.strip();
                if (trimmed.startsWith("#") || trimmed.isEmpty() && current.isEmpty()) {
                    continue;
                }
                if (trimmed.endsWith("\\")) {
                    current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                } else {
                    instructions.add(current.append(trimmed).toString().strip());
                    current.setLength(0);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dockerfile, e);
        }
        return instructions;
    }
}
