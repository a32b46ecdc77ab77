package io.numicoin.deploy;

import io.numicoin.protocol.address.AddressDecodeException;
import io.numicoin.protocol.address.AddressFormat;
import io.numicoin.protocol.address.AddressHrp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
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
 * The testnet the compose file is meant to be: every service with a database owns one that the
 * PostgreSQL init script creates; exactly one node publishes events; every node keeps its key in a
 * named volume and listens where the others can reach it, and the nodes form one network through
 * their bootstrap addresses; the miner pays an address of its network.
 */
final class TestnetRules {

    private static final String NODE = "node-service";
    private static final String MINER = "miner-service";
    private static final String INIT_DIR = "/docker-entrypoint-initdb.d";
    private static final Pattern JDBC = Pattern.compile("jdbc:postgresql://([^/:]+)(?::\\d+)?/([^?/]+)");
    private static final Pattern CREATE_DATABASE = Pattern.compile("(?i)create\\s+database\\s+\"?([A-Za-z0-9_]+)\"?");

    private TestnetRules() {
    }

    static void check(Deployment deployment, List<String> problems) {
        databases(deployment, problems);
        nodes(deployment, problems);
        miners(deployment, problems);
    }

    private static void databases(Deployment deployment, List<String> problems) {
        Map<String, String> owners = new HashMap<>();
        for (String service : deployment.services().keySet()) {
            Optional<String> url = deployment.setting(service, "spring.datasource.url");
            if (url.isEmpty()) {
                continue;
            }
            Matcher jdbc = JDBC.matcher(url.get());
            if (!jdbc.find() || !deployment.services().containsKey(jdbc.group(1))) {
                continue; // the endpoint rule reports the host
            }
            String database = jdbc.group(2);
            Set<String> created = createdDatabases(deployment, jdbc.group(1));
            if (!created.contains(database)) {
                problems.add(service + ": uses database " + database + ", which no init script of " + jdbc.group(1) + " creates "
                        + "(it creates " + created + ")");
            }
            String owner = owners.putIfAbsent(jdbc.group(1) + "/" + database, service);
            if (owner != null) {
                problems.add(service + ": database " + database + " is used by " + owner + " and " + service + " (each service owns its data)");
            }
        }
    }

    private static Set<String> createdDatabases(Deployment deployment, String postgres) {
        Set<String> created = new LinkedHashSet<>();
        for (ComposeService.Mount mount : deployment.services().get(postgres).volumes()) {
            Path script = deployment.root().resolve(mount.source()).normalize();
            if (mount.isBind() && mount.target().startsWith(INIT_DIR) && Files.isRegularFile(script)) {
                try {
                    Matcher create = CREATE_DATABASE.matcher(Files.readString(script));
                    while (create.find()) {
                        created.add(create.group(1).toLowerCase(Locale.ROOT));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + script, e);
                }
            }
        }
        return created;
    }

    private static void nodes(Deployment deployment, List<String> problems) {
        List<ComposeService> nodes = deployment.servicesOf(NODE);
        List<String> publishers = nodes.stream().map(ComposeService::name)
                .filter(n -> deployment.setting(n, "numi.events.publish").map(Boolean::parseBoolean).orElse(false)).toList();
        if (!nodes.isEmpty() && publishers.size() != 1) {
            problems.add("exactly one node-service must publish its outbox to Kafka (numi.events.publish); found "
                    + (publishers.isEmpty() ? "none" : publishers));
        }
        Map<String, Set<String>> links = new LinkedHashMap<>();
        for (ComposeService node : nodes) {
            String name = node.name();
            String dataDir = deployment.setting(name, "numi.p2p.data-dir").orElse("data");
            boolean kept = node.volumes().stream().anyMatch(m -> !m.isBind() && !m.source().isEmpty() && m.target().equals(dataDir));
            if (!kept) {
                problems.add(name + ": numi.p2p.data-dir " + dataDir + " is not a named volume (the node key would change at every start)");
            }
            String listen = deployment.setting(name, "numi.p2p.listen").orElse("");
            if (listen.contains("/ip4/127.") || listen.contains("/ip6/::1/")) {
                problems.add(name + ": numi.p2p.listen=" + listen + " listens on loopback: no other container can reach it");
            }
            links.computeIfAbsent(name, k -> new LinkedHashSet<>());
            for (Endpoint peer : Endpoint.in(deployment.setting(name, "numi.p2p.bootstrap").orElse(""))) {
                links.get(name).add(peer.host());
                links.computeIfAbsent(peer.host(), k -> new LinkedHashSet<>()).add(name);
            }
        }
        if (nodes.size() > 1) {
            Set<String> reached = reachable(nodes.getFirst().name(), links);
            for (ComposeService node : nodes) {
                if (!reached.contains(node.name())) {
                    problems.add(node.name() + ": no bootstrap address joins it to " + nodes.getFirst().name()
                            + "'s network (numi.p2p.bootstrap, e.g. /dns4/" + nodes.getFirst().name() + "/tcp/8333)");
                }
            }
        }
    }

    private static Set<String> reachable(String start, Map<String, Set<String>> links) {
        Set<String> seen = new LinkedHashSet<>(List.of(start));
        Deque<String> queue = new ArrayDeque<>(seen);
        while (!queue.isEmpty()) {
            for (String next : links.getOrDefault(queue.poll(), Set.of())) {
                if (seen.add(next)) {
                    queue.add(next);
                }
            }
        }
        return seen;
    }

    private static void miners(Deployment deployment, List<String> problems) {
        for (ComposeService miner : deployment.servicesOf(MINER)) {
            String network = deployment.setting(miner.name(), "numi.network").orElse("regtest");
            String payout = deployment.setting(miner.name(), "numi.miner.payout-address").orElse("");
            List<String> hrps = new ArrayList<>();
            for (AddressHrp hrp : AddressHrp.values()) {
                hrps.add(hrp.name());
            }
            if (!hrps.contains(network.toUpperCase(Locale.ROOT))) {
                problems.add(miner.name() + ": numi.network " + network + " is no network (" + hrps + ")");
                continue;
            }
            try {
                AddressFormat.decode(payout, AddressHrp.valueOf(network.toUpperCase(Locale.ROOT)));
            } catch (AddressDecodeException e) {
                problems.add(miner.name() + ": numi.miner.payout-address '" + payout + "' is not a " + network + " address: " + e.getMessage());
            }
        }
    }
}
