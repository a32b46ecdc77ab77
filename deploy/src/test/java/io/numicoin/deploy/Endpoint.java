package io.numicoin.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A host and port a setting names: in a URL ({@code http://node1:8082},
 * {@code jdbc:postgresql://postgres:5432/db}), a DNS multiaddr ({@code /dns4/node1/tcp/8333}) or a
 * {@code host:port[,host:port]} list (Kafka's bootstrap servers).
 */
public record Endpoint(String host, int port) {

    private static final Pattern URL = Pattern.compile("[a-z][a-z0-9+.-]*://\\[?([^/:,\\s\\]]+)]?:(\\d+)");
    private static final Pattern DNS_MULTIADDR = Pattern.compile("/dns[46]?/([^/]+)/tcp/(\\d+)");
    private static final Pattern HOST_PORT_LIST = Pattern.compile("\\s*[A-Za-z0-9.-]+:\\d+(\\s*,\\s*[A-Za-z0-9.-]+:\\d+)*\\s*");
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1", "0.0.0.0");

    public static List<Endpoint> in(String value) {
        List<Endpoint> endpoints = new ArrayList<>();
        if (HOST_PORT_LIST.matcher(value).matches()) {
            for (String part : value.split(",")) {
                String[] hostPort = part.trim().split(":");
                endpoints.add(new Endpoint(hostPort[0], Integer.parseInt(hostPort[1])));
            }
            return endpoints;
        }
        for (Pattern pattern : List.of(URL, DNS_MULTIADDR)) {
            Matcher matcher = pattern.matcher(value);
            while (matcher.find()) {
                endpoints.add(new Endpoint(matcher.group(1), Integer.parseInt(matcher.group(2))));
            }
        }
        return endpoints;
    }

    /** Inside a container these name the container itself. */
    public boolean isLoopback() {
        return LOOPBACK.contains(host) || host.startsWith("127.");
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
