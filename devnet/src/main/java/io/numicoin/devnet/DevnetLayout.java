package io.numicoin.devnet;

import java.nio.file.Path;

/** Where each part of the devnet keeps its data, under one directory. */
public record DevnetLayout(Path dir) {

    public Path postgresData() {
        return dir.resolve("postgres");
    }

    /** The PostgreSQL binaries, unpacked from the registry's jar on the first run. */
    public Path postgresBinaries() {
        return dir.resolve("postgres-binaries");
    }

    public Path kafkaLogs() {
        return dir.resolve("kafka");
    }

    public Path logs() {
        return dir.resolve("logs");
    }

    public Path log(String name) {
        return logs().resolve(name + ".log");
    }

    /** A service's working directory (node keys, snapshots: whatever it writes relative to its directory). */
    public Path service(String name) {
        return dir.resolve(name);
    }

    /** Node {@code n}'s libp2p identity directory ({@code node-key.numikey}, an encrypted keystore). */
    public Path nodeP2p(int n) {
        return service("node" + n).resolve("p2p");
    }

    /** The passphrase of node {@code n}'s identity keystore: 32 random bytes in hex, mode 0600. */
    public Path nodeKeyPassphrase(int n) {
        return nodeP2p(n).resolve("node-key.passphrase");
    }

    /** The faucet's key before keystores: plain text, migrated into {@link #faucetKeystore()} on the next start. */
    public Path faucetKey() {
        return dir.resolve("faucet.key");
    }

    /** The faucet's key, an encrypted keystore (docs/keystore.md). */
    public Path faucetKeystore() {
        return dir.resolve("faucet.numikey");
    }

    /** The faucet keystore's passphrase: 32 random bytes in hex, mode 0600. */
    public Path faucetPassphrase() {
        return dir.resolve("faucet.passphrase");
    }

    /** The token the miner shows the nodes to submit blocks (MiningTokenFile). */
    public Path miningToken() {
        return dir.resolve("mining.token");
    }

    /** The nodes' admin token ({@code numi.admin.token-file}: the chaos run's network switch, docs/api.md). */
    public Path adminToken() {
        return dir.resolve("admin.token");
    }

    /** Prometheus' configuration and time series ({@code --monitoring}). */
    public Path prometheus() {
        return dir.resolve("prometheus");
    }
}
