package io.numicoin.node.bus;

import java.util.Objects;

/** A {@link NodeEvent} numbered in bus order (from 1 at node start; the SSE {@code id}). */
public record SequencedEvent(long seq, NodeEvent event) {

    public SequencedEvent {
        Objects.requireNonNull(event, "event");
    }
}
