package io.numicoin.testkit.kafka;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The configuration of the single-node KRaft broker that {@link EmbeddedKafka} runs: broker and
 * controller in one process, fixed loopback ports, one log directory, and everything a one-node
 * cluster needs (replication factors of 1, one partition for internal topics) plus settings that
 * keep it quick on a 2-core machine.
 *
 * <p>The ports and the log directory are fixed for the life of an {@link EmbeddedKafka}, so a
 * restart comes back at the same address with the same data.
 */
record BrokerSettings(int brokerPort, int controllerPort, Path logDir, Map<String, String> overrides) {

    static final int NODE_ID = 1;
    static final String CONTROLLER_LISTENER = "CONTROLLER";
    static final String HOST = "127.0.0.1";

    BrokerSettings {
        overrides = Map.copyOf(overrides);
    }

    String bootstrapServers() {
        return HOST + ":" + brokerPort;
    }

    Properties toProperties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + brokerPort + "," + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPort);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());

        // One node: every replication factor and ISR is 1; internal topics get one partition.
        p.put("num.partitions", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("share.coordinator.state.topic.num.partitions", "1");

        // Records up to a few MiB (a 2 MiB block plus framing).
        p.put("message.max.bytes", Integer.toString(EmbeddedKafka.MAX_MESSAGE_BYTES));
        p.put("replica.fetch.max.bytes", Integer.toString(EmbeddedKafka.MAX_MESSAGE_BYTES));

        // Quick start, quick rebalances, few threads, small buffers.
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("broker.heartbeat.interval.ms", "500");
        p.put("auto.leader.rebalance.enable", "false");
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("background.threads", "2");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("log.cleaner.threads", "1");
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(4 * 1024 * 1024));

        p.putAll(overrides);
        return p;
    }
}
