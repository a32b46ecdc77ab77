package io.numicoin.seed.dns;

import java.io.IOException;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Section;

/**
 * What must hold for any packet given to the responder, whatever its bytes: no exception; a reply,
 * if any, parses, is a response to the same id, fits its transport, is never an answer for a name
 * outside the zone, and a refusal is never longer than the packet.
 */
final class DnsReplyContract {

    static final DnsResponder RESPONDER = new DnsResponder(TestZone.zone(),
            () -> SeedAnswers.of(TestZone.peers(30, 8, 8, 7), TestZone.DEFAULT_PORT), 24, 1232);

    private DnsReplyContract() {
    }

    static void check(byte[] packet) {
        for (DnsTransport transport : DnsTransport.values()) {
            check(packet, transport);
        }
    }

    private static void check(byte[] packet, DnsTransport transport) {
        DnsReply reply = RESPONDER.respond(packet, packet.length, transport);
        if (reply.kind() == DnsReply.Kind.DROPPED) {
            if (reply.wire().isPresent()) {
                throw new AssertionError("a dropped packet got a reply");
            }
            return;
        }
        byte[] wire = reply.wire().orElseThrow(() -> new AssertionError(reply.kind() + " without bytes"));
        if (transport == DnsTransport.UDP && wire.length > 1232) {
            throw new AssertionError("UDP reply of " + wire.length + " bytes");
        }
        if (reply.kind() == DnsReply.Kind.REFUSED && wire.length > packet.length) {
            throw new AssertionError("refusal of " + wire.length + " bytes to a packet of " + packet.length);
        }
        Message m;
        try {
            m = new Message(wire);
        } catch (IOException e) {
            throw new AssertionError("reply does not parse: " + e);
        }
        if (!m.getHeader().getFlag(Flags.QR) || m.getHeader().getID() != (((packet[0] & 0xff) << 8) | (packet[1] & 0xff))) {
            throw new AssertionError("not a response to this query");
        }
        Name question = m.getQuestion().getName();
        boolean inZone = question.subdomain(TestZone.zone().origin());
        if (!inZone && (reply.kind() != DnsReply.Kind.REFUSED || !m.getSection(Section.ANSWER).isEmpty())) {
            throw new AssertionError("answered for " + question);
        }
    }
}
