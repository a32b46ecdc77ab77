package io.numicoin.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A compose file read against the repository it builds from: each service with the Maven module its
 * image is built from (the {@code SERVICE} build argument), and that module's effective settings
 * under the service's environment. Relative paths are taken from the repository root, where the
 * compose file lives.
 */
public final class Deployment {

    private static final Pattern TCP_PORT = Pattern.compile("/tcp/(\\d+)");

    private final Path root;
    private final ComposeFile compose;
    private final Map<String, ComposeService> services;
    private final Map<String, ServiceModule> modules = new LinkedHashMap<>();

    public Deployment(Path root, ComposeFile compose) {
        this.root = root.toAbsolutePath().normalize();
        this.compose = compose;
        this.services = compose.services();
        services.values().forEach(s -> moduleName(s).flatMap(m -> ServiceModule.load(this.root, m)).ifPresent(m -> modules.put(s.name(), m)));
    }

    public Path root() {
        return root;
    }

    public ComposeFile compose() {
        return compose;
    }

    public Map<String, ComposeService> services() {
        return services;
    }

    /** The {@code SERVICE} build argument, if the service is built. */
    public static Optional<String> moduleName(ComposeService service) {
        return service.build().map(b -> service.buildArgs().getOrDefault("SERVICE", ""));
    }

    /** The module the service's image is built from, if it names one that exists. */
    public Optional<ServiceModule> module(String service) {
        return Optional.ofNullable(modules.get(service));
    }

    /** The services whose image is built from {@code module}. */
    public List<ComposeService> servicesOf(String module) {
        return services.values().stream().filter(s -> module(s.name()).map(m -> m.name().equals(module)).orElse(false)).toList();
    }

    public Optional<String> setting(String service, String property) {
        return module(service).flatMap(m -> m.effective(property, services.get(service).environment()));
    }

    public Map<String, String> settings(String service) {
        return module(service).map(m -> m.effective(services.get(service).environment())).orElse(Map.of());
    }

    public Optional<Integer> port(String service, String property) {
        return setting(service, property).flatMap(Deployment::integer);
    }

    /**
     * The ports a service accepts connections on from other containers: for a module, its
     * {@code server.port}, the TCP ports of {@code numi.p2p.listen}, the DNS seed's
     * {@code numi.seed.dns.port} (UDP and TCP) and, for pool-service (the one Stratum server),
     * {@code numi.stratum.port}; for an image, what it declares in {@code expose}.
     */
    public Set<Integer> listeningPorts(String service) {
        Set<Integer> ports = new LinkedHashSet<>();
        if (module(service).isEmpty()) {
            services.get(service).expose().forEach(p -> integer(p.replaceAll("/.*", "")).ifPresent(ports::add));
            return ports;
        }
        port(service, "server.port").ifPresent(ports::add);
        setting(service, "numi.p2p.listen").ifPresent(listen -> tcpPorts(listen).forEach(ports::add));
        port(service, "numi.seed.dns.port").ifPresent(ports::add);
        boolean pool = module(service).map(m -> m.name().equals("pool-service")).orElse(false);
        if (pool) {
            port(service, "numi.stratum.port").ifPresent(ports::add);
        }
        return ports;
    }

    static List<Integer> tcpPorts(String multiaddrs) {
        Matcher matcher = TCP_PORT.matcher(multiaddrs);
        List<Integer> ports = new ArrayList<>();
        while (matcher.find()) {
            ports.add(Integer.parseInt(matcher.group(1)));
        }
        return ports;
    }

    static Optional<Integer> integer(String text) {
        try {
            return Optional.of(Integer.parseInt(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The environment variable Spring Boot reads for a property (dots to underscores, no dashes). */
    static String variableFor(String property) {
        return property.replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT);
    }
}
