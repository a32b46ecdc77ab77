package io.numicoin.p2p.multistream;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.numicoin.p2p.host.ProtocolId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NegotiationTest {

    /** Collects what a negotiation sends and decides. */
    static final class Recorder implements Negotiation.Output {
        final ByteBuf sent = Unpooled.buffer();
        ProtocolId selected;
        Negotiation.Failure failure;

        @Override
        public void send(byte[] message) {
            sent.writeBytes(message);
        }

        @Override
        public void selected(ProtocolId protocol) {
            selected = protocol;
        }

        @Override
        public void failed(Negotiation.Failure f, String detail) {
            failure = f;
        }
    }

    @Test
    void encodesMessagesAsTheSpecShows() {
        // "/multistream/1.0.0\n" is 19 bytes: 0x13 then the text
        assertThat(HexFormat.of().formatHex(MultistreamMessages.encode(MultistreamMessages.HEADER)))
                .isEqualTo("13" + HexFormat.of().formatHex("/multistream/1.0.0\n".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void dialerFallsBackToItsSecondProposal() {
        Recorder d = new Recorder();
        Recorder l = new Recorder();
        DialerNegotiation dialer = new DialerNegotiation(List.of(ProtocolId.of("/a/2"), ProtocolId.of("/a/1")), d);
        ListenerNegotiation listener = new ListenerNegotiation(Set.of(ProtocolId.of("/a/1"))::contains, l);
        dialer.start();
        listener.start();
        for (int round = 0; round < 5 && !(dialer.isDone() && listener.isDone()); round++) {
            listener.onData(d.sent);
            dialer.onData(l.sent);
        }
        assertThat(d.selected).isEqualTo(ProtocolId.of("/a/1"));
        assertThat(l.selected).isEqualTo(ProtocolId.of("/a/1"));
        assertThat(d.failure).isNull();
    }

    @Test
    void dialerReportsNotSupportedWhenEveryProposalIsRefused() {
        Recorder d = new Recorder();
        Recorder l = new Recorder();
        DialerNegotiation dialer = new DialerNegotiation(List.of(ProtocolId.of("/x")), d);
        ListenerNegotiation listener = new ListenerNegotiation(p -> false, l);
        dialer.start();
        listener.onData(d.sent);
        dialer.onData(l.sent);
        assertThat(d.failure).isEqualTo(Negotiation.Failure.NOT_SUPPORTED);
        assertThat(l.selected).isNull();
    }

    @Test
    void bytesAfterTheAnswerStayForTheProtocol() {
        Recorder d = new Recorder();
        DialerNegotiation dialer = new DialerNegotiation(List.of(ProtocolId.of("/p")), d);
        ByteBuf in = Unpooled.buffer();
        in.writeBytes(MultistreamMessages.encode(MultistreamMessages.HEADER));
        in.writeBytes(MultistreamMessages.encode("/p"));
        in.writeBytes(new byte[] {1, 2, 3});
        dialer.onData(in);
        assertThat(d.selected).isEqualTo(ProtocolId.of("/p"));
        assertThat(in.readableBytes()).isEqualTo(3);
    }

    @Test
    void listenerRefusesGarbageOverlongLinesAndEndlessProposals() {
        Recorder garbage = new Recorder();
        // 'G' reads as a length of 71; the 71 bytes that follow do not end in a newline
        new ListenerNegotiation(p -> true, garbage).onData(Unpooled.wrappedBuffer(
                "GET / HTTP/1.1\r\nHost: example.org\r\nUser-Agent: curl/8.0\r\nAccept: */*\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII)));
        assertThat(garbage.failure).isEqualTo(Negotiation.Failure.PROTOCOL_ERROR);

        Recorder overlong = new Recorder();
        ByteBuf big = Unpooled.buffer();
        big.writeBytes(new byte[] {(byte) 0x81, 0x08}); // 1025
        new ListenerNegotiation(p -> true, overlong).onData(big);
        assertThat(overlong.failure).isEqualTo(Negotiation.Failure.PROTOCOL_ERROR);

        Recorder noNewline = new Recorder();
        new ListenerNegotiation(p -> true, noNewline).onData(Unpooled.wrappedBuffer(new byte[] {2, 'n', 'a'}));
        assertThat(noNewline.failure).isEqualTo(Negotiation.Failure.PROTOCOL_ERROR);

        Recorder endless = new Recorder();
        ListenerNegotiation listener = new ListenerNegotiation(p -> false, endless);
        ByteBuf in = Unpooled.buffer();
        in.writeBytes(MultistreamMessages.encode(MultistreamMessages.HEADER));
        for (int i = 0; i <= ListenerNegotiation.MAX_PROPOSALS; i++) {
            in.writeBytes(MultistreamMessages.encode("/p/" + i));
        }
        listener.onData(in);
        assertThat(endless.failure).isEqualTo(Negotiation.Failure.NOT_SUPPORTED);
    }

    @Test
    void listenerAnswersLsWithNa() {
        Recorder l = new Recorder();
        ListenerNegotiation listener = new ListenerNegotiation(p -> true, l);
        ByteBuf in = Unpooled.buffer();
        in.writeBytes(MultistreamMessages.encode(MultistreamMessages.HEADER));
        in.writeBytes(MultistreamMessages.encode("ls"));
        listener.onData(in);
        List<String> answers = new ArrayList<>();
        try {
            String line;
            while ((line = MultistreamMessages.tryRead(l.sent)) != null) {
                answers.add(line);
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(answers).containsExactly(MultistreamMessages.HEADER, MultistreamMessages.NA);
        assertThat(l.failure).isNull();
    }
}
