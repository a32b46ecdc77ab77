package io.numicoin.p2p.multistream;

import io.netty.buffer.ByteBuf;
import io.numicoin.p2p.host.ProtocolId;

/**
 * A multistream-select 1.0 negotiation as a state machine, free of any transport: feed it received
 * bytes; it asks its {@link Output} to send messages and reports the outcome once. Bytes after the
 * deciding message stay in the buffer for the selected protocol.
 */
public interface Negotiation {

    /** Sends the opening messages. */
    void start();

    /** Consumes complete messages from {@code in}; stops at the outcome. */
    void onData(ByteBuf in);

    /** True once selected or failed. */
    boolean isDone();

    /** Where a negotiation sends messages and reports its outcome. */
    interface Output {

        void send(byte[] message);

        void selected(ProtocolId protocol);

        void failed(Failure failure, String detail);
    }

    /** Why a negotiation ended without a protocol. */
    enum Failure {
        /** Every proposal was refused. */
        NOT_SUPPORTED,
        /** The peer sent something multistream-select does not allow. */
        PROTOCOL_ERROR,
        /** The stream under the negotiation was reset or closed. */
        STREAM_RESET
    }
}
