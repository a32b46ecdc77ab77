package io.numicoin.node.storage;

import io.numicoin.protocol.block.Block;
import io.numicoin.protocol.hash.Hash256;
import java.math.BigInteger;

/**
 * Where {@link PostgresChainStore} reports each change of the active chain, inside the database
 * transaction that makes it (the outbox implementation appends a {@code numi.chain.v1} event there,
 * so the event exists if and only if the change does).
 */
public interface ChainEventSink {

    /** A node that is not its deployment's event source records nothing. */
    ChainEventSink NONE = new ChainEventSink() {
        @Override
        public void connected(Hash256 id, Block block, BigInteger cumulativeWork) {
        }

        @Override
        public void disconnected(Hash256 id, Block block, BigInteger cumulativeWorkAfter) {
        }
    };

    /** {@code block} became the tip; {@code cumulativeWork} is the chain's work up to and including it. */
    void connected(Hash256 id, Block block, BigInteger cumulativeWork);

    /** {@code block} was taken off the tip; {@code cumulativeWorkAfter} is its parent's cumulative work. */
    void disconnected(Hash256 id, Block block, BigInteger cumulativeWorkAfter);
}
