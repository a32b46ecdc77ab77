package io.numicoin.node.outbox;

import io.numicoin.protocol.hash.Hash256;

/**
 * An outbox row ends with a block body that {@code block_body} no longer holds — the integrity
 * check deleted it as corrupt and it has not been downloaded again yet. The relay publishes nothing
 * past that row until the body is back, so consumers never see an event out of order or a gap.
 */
public final class MissingEventBodyException extends RuntimeException {

    private final long seq;
    private final Hash256 block;

    public MissingEventBodyException(long seq, Hash256 block) {
        super("outbox row " + seq + " needs the body of block " + block + ", which block_body does not hold "
                + "(deleted as corrupt and not yet downloaded again?); events from it on wait until it is stored");
        this.seq = seq;
        this.block = block;
    }

    public long seq() {
        return seq;
    }

    public Hash256 block() {
        return block;
    }
}
