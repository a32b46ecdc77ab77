package io.numicoin.events;

/**
 * The envelope fields every event carries besides its type and payload.
 *
 * @param chainId the network's chain id ({@code NetworkParams}), so a consumer never mixes networks
 * @param sequence the publisher's number for this event, increasing per topic; on {@link Topics#CHAIN}
 *     gap-free from the event-source node (a gap or a step back means: resync, see {@code docs/events.md})
 * @param createdAtMillis when the publisher created the event, Unix milliseconds
 */
public record EventMeta(int chainId, long sequence, long createdAtMillis) {

    public EventMeta {
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative: " + sequence);
        }
        if (createdAtMillis < 0) {
            throw new IllegalArgumentException("created-at must not be negative: " + createdAtMillis);
        }
    }
}
