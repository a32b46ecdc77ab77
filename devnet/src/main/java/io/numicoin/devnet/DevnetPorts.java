package io.numicoin.devnet;

/**
 * Every port of the devnet, on 127.0.0.1: the defaults of each service (node 8082/9082/8333,
 * mempool 8083/9083, miner 8084/9084, explorer 8090/9090, gateway 8080/9080, seed DNS 8053 UDP and TCP
 * and 8091/9091, Kafka 9092) where they are free to take, plus
 * {@code offset} (so a second devnet, or a test, can run beside the first).
 */
public record DevnetPorts(int offset) {

    public static final int MAX_OFFSET = 50_000;

    public DevnetPorts {
        if (offset < 0 || offset > MAX_OFFSET) {
            throw new IllegalArgumentException("port offset must be within 0.." + MAX_OFFSET + ", got " + offset);
        }
    }

    /** Every port with what uses it, in start order. */
    public java.util.Map<Integer, String> all() {
        java.util.Map<Integer, String> ports = new java.util.LinkedHashMap<>();
        ports.put(postgres(), "PostgreSQL");
        ports.put(kafka(), "Kafka");
        ports.put(kafkaController(), "Kafka's controller");
        for (int n = 1; n <= 4; n++) {
            ports.put(nodeApi(n), "node" + n + " API");
            ports.put(nodeManagement(n), "node" + n + " management");
            ports.put(nodeP2p(n), "node" + n + " p2p");
        }
        ports.put(mempoolApi(), "mempool API");
        ports.put(mempoolManagement(), "mempool management");
        ports.put(minerApi(), "miner API");
        ports.put(minerManagement(), "miner management");
        ports.put(secondMinerApi(), "second miner API (chaos runs)");
        ports.put(secondMinerManagement(), "second miner management (chaos runs)");
        ports.put(explorerApi(), "explorer API");
        ports.put(explorerManagement(), "explorer management");
        ports.put(gatewayApi(), "gateway API");
        ports.put(gatewayManagement(), "gateway management");
        ports.put(prometheus(), "Prometheus (--monitoring)");
        ports.put(seedDns(), "seed DNS");
        ports.put(seedApi(), "seed API");
        ports.put(seedManagement(), "seed management");
        return ports;
    }

    public int postgres() {
        return 5433 + offset;
    }

    public int kafka() {
        return 9092 + offset;
    }

    public int kafkaController() {
        return 9093 + offset;
    }

    /** The API port of node {@code n} (1..4): 8082, 8085, 8086, 8087. */
    public int nodeApi(int n) {
        return (n == 1 ? 8082 : 8083 + n) + offset;
    }

    /** The management port of node {@code n} (1..4): 9082, 9085, 9086, 9087. */
    public int nodeManagement(int n) {
        return nodeApi(n) + 1000;
    }

    /** The libp2p port of node {@code n} (1..4): 8333, 8334, 8335, 8336. */
    public int nodeP2p(int n) {
        return 8332 + n + offset;
    }

    public int mempoolApi() {
        return 8083 + offset;
    }

    public int mempoolManagement() {
        return 9083 + offset;
    }

    public int minerApi() {
        return 8084 + offset;
    }

    public int minerManagement() {
        return 9084 + offset;
    }

    public int explorerApi() {
        return 8090 + offset;
    }

    public int explorerManagement() {
        return 9090 + offset;
    }

    /** The second miner of a chaos run ({@code ./numi chaos}): 8089. */
    public int secondMinerApi() {
        return 8089 + offset;
    }

    public int secondMinerManagement() {
        return 9089 + offset;
    }

    /** The gateway, the devnet's public API: 8080. */
    public int gatewayApi() {
        return 8080 + offset;
    }

    public int gatewayManagement() {
        return 9080 + offset;
    }

    /** Prometheus of {@code --monitoring}: 9190 (its usual 9090 is the explorer's management port). */
    public int prometheus() {
        return 9190 + offset;
    }

    /** The seed's DNS server, UDP and TCP. */
    public int seedDns() {
        return 8053 + offset;
    }

    public int seedApi() {
        return 8091 + offset;
    }

    public int seedManagement() {
        return 9091 + offset;
    }
}
