package io.numicoin.events;

/** An event on one of the {@link Topics}: its envelope fields and its typed payload. */
public sealed interface Event permits ChainEvent, TransactionSeen, MempoolEvent, PeerObservation {

    EventMeta meta();

    EventType type();
}
