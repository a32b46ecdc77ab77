package io.numicoin.seed.dns;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * Answers one DNS query packet for the seed's zone. Stateless apart from the current
 * {@link SeedAnswers}; thread-safe.
 *
 * <ul>
 *   <li>The packet is read only if it is 12..{@value #MAX_QUERY_BYTES} bytes, a query (QR clear) with
 *       exactly one question and nothing in the answer and authority sections; otherwise, or if
 *       dnsjava cannot parse it, it is dropped.</li>
 *   <li>The origin answers A and AAAA (a random subset of good peers on the default port), SOA and NS;
 *       {@code _dnsaddr.<origin>} answers TXT {@code dnsaddr=<multiaddr>/p2p/<id>} (the form the node's
 *       resolver reads); any other name in the zone is NXDOMAIN, any other type NODATA, both with the
 *       SOA. ANY gets the SOA only (RFC 8482).</li>
 *   <li>Anything outside the zone, another opcode or class, or an EDNS version above 0 gets a refusal
 *       made of the query's header and question (and OPT), never longer than the query: such a reply
 *       cannot amplify a spoofed packet.</li>
 *   <li>EDNS0: the reply may be as large as the client's advertised size, within
 *       [{@value #CLASSIC_UDP}, {@code maxUdpPayload}]; without OPT, {@value #CLASSIC_UDP} bytes. A UDP
 *       answer that does not fit is sent with TC set and without the answer records, and the client asks
 *       again over TCP, where the whole answer goes.</li>
 * </ul>
 */
public final class DnsResponder {

    public static final int MAX_QUERY_BYTES = 512;
    static final int CLASSIC_UDP = 512;
    static final int MAX_TCP = 65_535;

    private final SeedZone zone;
    private final Supplier<SeedAnswers> answers;
    private final int maxAnswers;
    private final int maxUdpPayload;

    public DnsResponder(SeedZone zone, Supplier<SeedAnswers> answers, int maxAnswers, int maxUdpPayload) {
        if (maxAnswers < 1 || maxUdpPayload < CLASSIC_UDP || maxUdpPayload > MAX_TCP) {
            throw new IllegalArgumentException("maxAnswers positive, maxUdpPayload in [512, 65535]");
        }
        this.zone = Objects.requireNonNull(zone, "zone");
        this.answers = Objects.requireNonNull(answers, "answers");
        this.maxAnswers = maxAnswers;
        this.maxUdpPayload = maxUdpPayload;
    }

    public DnsReply respond(byte[] packet, int length, DnsTransport transport) {
        if (length < Header.LENGTH || length > MAX_QUERY_BYTES || length > packet.length || !plausibleQuery(packet)) {
            return DnsReply.dropped();
        }
        Message query;
        try {
            query = new Message(Arrays.copyOf(packet, length));
        } catch (IOException | RuntimeException e) {
            return DnsReply.dropped();
        }
        org.xbill.DNS.Record question = query.getQuestion();
        if (question == null) {
            return DnsReply.dropped();
        }
        OPTRecord opt = query.getOPT();
        Message reply = replyTo(query, question);
        if (opt != null) {
            reply.addRecord(new OPTRecord(maxUdpPayload, 0, 0), Section.ADDITIONAL);
        }
        if (query.getHeader().getOpcode() != Opcode.QUERY || question.getDClass() != DClass.IN) {
            return refusal(reply, Rcode.NOTIMP, length);
        }
        if (opt != null && opt.getVersion() > 0) {
            // BADVERS (16) does not fit the header's 4 bits: its upper bits go in the OPT record (RFC 6891 §6.1.3).
            reply.removeAllRecords(Section.ADDITIONAL);
            reply.addRecord(new OPTRecord(maxUdpPayload, Rcode.BADVERS >>> 4, 0), Section.ADDITIONAL);
            return refusal(reply, Rcode.BADVERS & 0xf, length);
        }
        Name name = question.getName();
        if (!name.subdomain(zone.origin())) {
            return refusal(reply, Rcode.REFUSED, length);
        }
        reply.getHeader().setFlag(Flags.AA);
        DnsReply.Kind kind = fill(reply, name, question.getType());
        int limit = transport == DnsTransport.TCP ? MAX_TCP
                : opt == null ? CLASSIC_UDP : Math.clamp(opt.getPayloadSize(), CLASSIC_UDP, maxUdpPayload);
        byte[] wire = reply.toWire(limit);
        if (transport == DnsTransport.UDP && (wire[2] & 0x02) != 0) {  // TC
            kind = DnsReply.Kind.TRUNCATED;
        }
        return DnsReply.of(kind, wire);
    }

    private DnsReply.Kind fill(Message reply, Name name, int type) {
        SeedAnswers now = answers.get();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long ttl = zone.answerTtl().toSeconds();
        if (name.equals(zone.origin())) {
            switch (type) {
                case Type.A -> add(reply, now.sampleIpv4(maxAnswers, random).stream()
                        .map(ip -> (org.xbill.DNS.Record) new ARecord(name, DClass.IN, ttl, ip)).toList());
                case Type.AAAA -> add(reply, now.sampleIpv6(maxAnswers, random).stream()
                        .map(ip -> (org.xbill.DNS.Record) new AAAARecord(name, DClass.IN, ttl, ip)).toList());
                case Type.SOA, Type.ANY -> reply.addRecord(zone.soa(), Section.ANSWER);
                case Type.NS -> zone.ns().forEach(ns -> reply.addRecord(ns, Section.ANSWER));
                default -> { }
            }
        } else if (name.equals(zone.dnsaddrName())) {
            if (type == Type.TXT) {
                add(reply, now.sampleDnsaddr(maxAnswers, random).stream()
                        .map(txt -> (org.xbill.DNS.Record) new TXTRecord(name, DClass.IN, ttl, txt)).toList());
            }
        } else {
            reply.getHeader().setRcode(Rcode.NXDOMAIN);
            reply.addRecord(zone.negativeSoa(), Section.AUTHORITY);
            return DnsReply.Kind.NXDOMAIN;
        }
        if (reply.getSection(Section.ANSWER).isEmpty()) {
            reply.addRecord(zone.negativeSoa(), Section.AUTHORITY);  // NODATA (RFC 2308 §2.2)
        }
        return DnsReply.Kind.ANSWER;
    }

    private static void add(Message reply, List<org.xbill.DNS.Record> records) {
        records.forEach(r -> reply.addRecord(r, Section.ANSWER));
    }

    private static Message replyTo(Message query, org.xbill.DNS.Record question) {
        Message reply = new Message(query.getHeader().getID());
        Header header = reply.getHeader();
        header.setFlag(Flags.QR);
        header.setOpcode(query.getHeader().getOpcode());
        if (query.getHeader().getFlag(Flags.RD)) {
            header.setFlag(Flags.RD);
        }
        reply.addRecord(question, Section.QUESTION);
        return reply;
    }

    /** The query's header and question with {@code rcode}; dropped if that would be longer than the query. */
    private static DnsReply refusal(Message reply, int rcode, int queryLength) {
        reply.getHeader().setRcode(rcode);
        byte[] wire = reply.toWire();
        return wire.length <= queryLength ? DnsReply.of(DnsReply.Kind.REFUSED, wire) : DnsReply.dropped();
    }

    /** A cheap look at the header before parsing: a query (QR clear), one question, no answers or authority. */
    private static boolean plausibleQuery(byte[] p) {
        boolean response = (p[2] & 0x80) != 0;
        int qd = ((p[4] & 0xff) << 8) | (p[5] & 0xff);
        int an = ((p[6] & 0xff) << 8) | (p[7] & 0xff);
        int ns = ((p[8] & 0xff) << 8) | (p[9] & 0xff);
        int ar = ((p[10] & 0xff) << 8) | (p[11] & 0xff);
        return !response && qd == 1 && an == 0 && ns == 0 && ar <= 1;
    }
}
