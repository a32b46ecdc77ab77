package io.numicoin.node.api.stream;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The {@code data} of one live-stream event.
 *
 * @param type {@code block-connected}, {@code block-disconnected} or {@code tx-seen}
 * @param id the block id or txid, lower-case hex
 * @param height the block's height; absent for transactions
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StreamEventView(long seq, String type, String id, Long height) {

    public static StreamEventView of(SequencedEvent sequenced) {
        return switch (sequenced.event()) {
            case NodeEvent.BlockConnected e -> new StreamEventView(sequenced.seq(), e.type(), e.id().toHex(), e.height());
            case NodeEvent.BlockDisconnected e -> new StreamEventView(sequenced.seq(), e.type(), e.id().toHex(), e.height());
            case NodeEvent.TxSeen e -> new StreamEventView(sequenced.seq(), e.type(), e.txid().toHex(), null);
        };
    }
}
