package io.numicoin.node.outbox;

import java.util.Map;

/** A topic the relay creates on start: name, partitions and topic-level configs. */
public record TopicSpec(String name, int partitions, Map<String, String> configs) {

    public TopicSpec {
        configs = Map.copyOf(configs);
    }
}
