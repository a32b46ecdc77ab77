package io.numicoin.devnet.load;

import io.numicoin.devnet.DevnetPorts;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the load sends its transfers: a node's {@code POST /api/v1/transactions} (any node asks
 * the mempool and answers with its verdict), the mempool's own {@code POST /api/v1/mempool/transactions},
 * or the gateway's public {@code POST /api/v1/transactions}.
 *
 * @param name what the history calls it: node1..node4, mempool, gateway
 * @param submitUrl the URL a transfer is posted to
 */
public record EntryPoint(String name, URI submitUrl) {

    /** Every entry point of a devnet: the four nodes, the mempool and the gateway. */
    public static final String ALL = "node1,node2,node3,node4,mempool,gateway";

    /** Parses a comma-separated list of names ({@code all} for every one) against the devnet's ports. */
    public static List<EntryPoint> parse(String names, DevnetPorts ports) {
        List<EntryPoint> entries = new ArrayList<>();
        for (String name : (names.equals("all") ? ALL : names).split(",")) {
            entries.add(of(name.strip(), ports));
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("no entry point given (node1..node4, mempool, gateway, all)");
        }
        return List.copyOf(entries);
    }

    public static EntryPoint of(String name, DevnetPorts ports) {
        return switch (name) {
            case "node1", "node2", "node3", "node4" -> new EntryPoint(name,
                    URI.create("http://127.0.0.1:" + ports.nodeApi(name.charAt(4) - '0') + "/api/v1/transactions"));
            case "mempool" -> new EntryPoint(name, URI.create("http://127.0.0.1:" + ports.mempoolApi() + "/api/v1/mempool/transactions"));
            case "gateway" -> new EntryPoint(name, URI.create("http://127.0.0.1:" + ports.gatewayApi() + "/api/v1/transactions"));
            default -> throw new IllegalArgumentException("unknown entry point '" + name + "' (node1..node4, mempool, gateway, all)");
        };
    }
}
