package io.numicoin.p2p.multistream;

import io.netty.buffer.ByteBuf;
import io.numicoin.p2p.host.ProtocolId;
import io.numicoin.p2p.protobuf.ProtobufException;
import java.util.function.Predicate;

/**
 * The responder's side: answers the header with the header, then each proposal with itself if
 * supported or {@code na} (also for {@code ls}), up to {@value #MAX_PROPOSALS} proposals.
 */
public final class ListenerNegotiation implements Negotiation {

    /** Proposals refused before the negotiation is abandoned. */
    public static final int MAX_PROPOSALS = 16;

    private final Predicate<ProtocolId> supported;
    private final Output output;
    private boolean headerSeen;
    private int refused;
    private boolean done;

    public ListenerNegotiation(Predicate<ProtocolId> supported, Output output) {
        this.supported = supported;
        this.output = output;
    }

    @Override
    public void start() {
        // The header is sent in answer to the peer's header.
    }

    @Override
    public void onData(ByteBuf in) {
        while (!done) {
            String line;
            try {
                line = MultistreamMessages.tryRead(in);
            } catch (ProtobufException e) {
                fail(Failure.PROTOCOL_ERROR, e.getMessage());
                return;
            }
            if (line == null) {
                return;
            }
            if (!headerSeen) {
                if (!line.equals(MultistreamMessages.HEADER)) {
                    fail(Failure.PROTOCOL_ERROR, "expected the multistream header, got '" + abbreviate(line) + "'");
                    return;
                }
                headerSeen = true;
                output.send(MultistreamMessages.encode(MultistreamMessages.HEADER));
                continue;
            }
            ProtocolId proposal = parse(line);
            if (proposal != null && supported.test(proposal)) {
                done = true;
                output.send(MultistreamMessages.encode(line));
                output.selected(proposal);
                return;
            }
            if (++refused > MAX_PROPOSALS) {
                fail(Failure.NOT_SUPPORTED, "more than " + MAX_PROPOSALS + " unsupported proposals");
                return;
            }
            output.send(MultistreamMessages.encode(MultistreamMessages.NA));
        }
    }

    @Override
    public boolean isDone() {
        return done;
    }

    private static ProtocolId parse(String line) {
        try {
            return new ProtocolId(line);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String abbreviate(String line) {
        return line.length() > 64 ? line.substring(0, 64) + "..." : line;
    }

    private void fail(Failure failure, String detail) {
        done = true;
        output.failed(failure, detail);
    }
}
