package io.numicoin.p2p.multistream;

import io.netty.buffer.ByteBuf;
import io.numicoin.p2p.host.ProtocolId;
import io.numicoin.p2p.protobuf.ProtobufException;
import java.util.List;

/**
 * The initiator's side: sends the header with the first proposal at once, then moves down the list
 * on each {@code na}.
 */
public final class DialerNegotiation implements Negotiation {

    private final List<ProtocolId> proposals;
    private final Output output;
    private boolean headerSeen;
    private int current;
    private boolean done;

    public DialerNegotiation(List<ProtocolId> proposals, Output output) {
        if (proposals.isEmpty()) {
            throw new IllegalArgumentException("no protocol to propose");
        }
        this.proposals = List.copyOf(proposals);
        this.output = output;
    }

    @Override
    public void start() {
        byte[] header = MultistreamMessages.encode(MultistreamMessages.HEADER);
        byte[] first = MultistreamMessages.encode(proposals.getFirst().value());
        byte[] both = new byte[header.length + first.length];
        System.arraycopy(header, 0, both, 0, header.length);
        System.arraycopy(first, 0, both, header.length, first.length);
        output.send(both);
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
                    fail(Failure.PROTOCOL_ERROR, "expected the multistream header, got '" + line + "'");
                    return;
                }
                headerSeen = true;
            } else if (line.equals(proposals.get(current).value())) {
                done = true;
                output.selected(proposals.get(current));
            } else if (line.equals(MultistreamMessages.NA)) {
                current++;
                if (current == proposals.size()) {
                    fail(Failure.NOT_SUPPORTED, "the peer supports none of " + proposals);
                    return;
                }
                output.send(MultistreamMessages.encode(proposals.get(current).value()));
            } else {
                fail(Failure.PROTOCOL_ERROR, "unexpected answer '" + line + "' to " + proposals.get(current));
            }
        }
    }

    @Override
    public boolean isDone() {
        return done;
    }

    private void fail(Failure failure, String detail) {
        done = true;
        output.failed(failure, detail);
    }
}
