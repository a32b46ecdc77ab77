package io.numicoin.node.api.stream;

import io.numicoin.node.bus.NodeEvent;
import io.numicoin.node.bus.SequencedEvent;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The {@code data} of one live-stream event.
 *
 * @param type {@code block-connected}, {@code block-disconnected}, {@code tx-seen} or {@code reset}
 * @param id the block id or txid, lower-case hex; absent for {@code reset}
 * @param height the block's height; absent for transactions
 * @param oldest for {@code reset}: the oldest sequence number the node can replay
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StreamEventView(long seq, String type, String id, Long height, Long oldest) {

    public static StreamEventView of(SequencedEvent sequenced) {
        return switch (sequenced.event()) {
            case NodeEvent.BlockConnected e -> new StreamEventView(sequenced.seq(), e.type(), e.id().toHex(), e.height(), null);
            case NodeEvent.BlockDisconnected e -> new StreamEventView(sequenced.seq(), e.type(), e.id().toHex(), e.height(), null);
            case NodeEvent.TxSeen e -> new StreamEventView(sequenced.seq(), e.type(), e.txid().toHex(), null, null);
            case NodeEvent.Reset e -> new StreamEventView(sequenced.seq(), e.type(), null, null, e.oldestKept());
        };
    }
}
