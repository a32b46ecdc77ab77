package io.numicoin.devnet.kafka;

import java.nio.file.Path;
import java.util.Properties;

/**
 * The single-node KRaft broker's settings (broker and controller in one, 127.0.0.1, one log
 * directory), sized for a laptop: replication factors of 1, few threads, records up to 4 MiB
 * (a 2 MiB block with framing).
 */
record BrokerConfig(int brokerPort, int controllerPort, Path logDir) {

    static final int NODE_ID = 1;
    static final String CONTROLLER_LISTENER = "CONTROLLER";
    static final int MAX_MESSAGE_BYTES = 4 * 1024 * 1024;
    private static final String HOST = "127.0.0.1";

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

        p.put("message.max.bytes", Integer.toString(MAX_MESSAGE_BYTES));
        p.put("replica.fetch.max.bytes", Integer.toString(MAX_MESSAGE_BYTES));

        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.leader.rebalance.enable", "false");
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("background.threads", "2");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("log.cleaner.threads", "1");
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(4 * 1024 * 1024));
        // a devnet keeps a week of events at most
        p.put("log.retention.hours", "168");
        return p;
    }
}
