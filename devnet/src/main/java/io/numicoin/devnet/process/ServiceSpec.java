package io.numicoin.devnet.process;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * One service of the devnet as a process: its runnable jar, JVM options and Spring arguments, the
 * directory it runs in, its log file and the URL that answers 200 once it is ready.
 *
 * @param name short name used in progress lines and as the log file's name
 * @param api what to show as its API (a URL), for the table of what runs where
 * @param p2p its libp2p address, or empty
 */
public record ServiceSpec(
        String name,
        Path jar,
        List<String> jvmOptions,
        List<String> arguments,
        Path workDir,
        Path log,
        URI readiness,
        String api,
        String p2p) {

    public ServiceSpec {
        jvmOptions = List.copyOf(jvmOptions);
        arguments = List.copyOf(arguments);
    }
}
