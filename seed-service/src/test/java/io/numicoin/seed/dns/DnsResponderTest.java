package io.numicoin.seed.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/** The responder on well-formed queries: what each name and type gets, EDNS0, truncation, refusals. */
class DnsResponderTest {

    static final SeedAnswers ANSWERS = SeedAnswers.of(TestZone.peers(40, 10, 5, 1), TestZone.DEFAULT_PORT);
    final DnsResponder responder = new DnsResponder(TestZone.zone(), () -> ANSWERS, 24, 1232);

    static byte[] query(String name, int type, boolean edns) throws IOException {
        Message q = Message.newQuery(org.xbill.DNS.Record.newRecord(Name.fromString(name), type, DClass.IN));
        if (edns) {
            q.addRecord(new OPTRecord(1232, 0, 0), Section.ADDITIONAL);
        }
        return q.toWire();
    }

    Message ask(byte[] query, DnsTransport transport) throws IOException {
        DnsReply reply = responder.respond(query, query.length, transport);
        assertThat(reply.wire()).as(reply.kind().toString()).isPresent();
        return new Message(reply.wire().get());
    }

    @Test
    void aAndAaaaGiveDistinctPeersOnTheDefaultPortOnly() throws IOException {
        Message a = ask(query(TestZone.ORIGIN + ".", Type.A, false), DnsTransport.UDP);
        assertThat(a.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(a.getRcode()).isEqualTo(Rcode.NOERROR);
        List<String> ips = a.getSection(Section.ANSWER).stream().map(org.xbill.DNS.Record::rdataToString).toList();
        assertThat(ips).hasSize(24).doesNotHaveDuplicates().allMatch(ip -> ip.startsWith("198.51."));
        assertThat(a.getSection(Section.ANSWER).getFirst().getTTL()).isEqualTo(60);
        Message aaaa = ask(query(TestZone.ORIGIN + ".", Type.AAAA, true), DnsTransport.UDP);
        assertThat(aaaa.getSection(Section.ANSWER)).hasSize(10).allMatch(r -> r.getType() == Type.AAAA);
        assertThat(aaaa.getOPT()).isNotNull();
        assertThat(aaaa.getOPT().getPayloadSize()).isEqualTo(1232);
        Message again = ask(query(TestZone.ORIGIN + ".", Type.A, false), DnsTransport.UDP);
        assertThat(again.getSection(Section.ANSWER).stream().map(org.xbill.DNS.Record::rdataToString).toList())
                .as("a random subset each time").isNotEqualTo(ips);
    }

    @Test
    void dnsaddrTxtRecordsAreWhatTheNodesResolverReads() throws IOException {
        Message txt = ask(query("_dnsaddr." + TestZone.ORIGIN + ".", Type.TXT, false), DnsTransport.TCP);
        assertThat(txt.getSection(Section.ANSWER)).hasSize(24);
        for (org.xbill.DNS.Record r : txt.getSection(Section.ANSWER)) {
            List<String> strings = ((TXTRecord) r).getStrings();
            assertThat(strings).hasSize(1);
            assertThat(strings.getFirst()).matches("dnsaddr=/ip[46]/[0-9a-f.:]+/tcp/(8333|9000)/p2p/12D3KooW[1-9A-HJ-NP-Za-km-z]+");
        }
    }

    @Test
    void aTxtAnswerTooBigForUdpIsTruncatedAndWholeOverTcp() throws IOException {
        byte[] q = query("_dnsaddr." + TestZone.ORIGIN + ".", Type.TXT, false);
        DnsReply udp = responder.respond(q, q.length, DnsTransport.UDP);
        assertThat(udp.kind()).isEqualTo(DnsReply.Kind.TRUNCATED);
        assertThat(udp.wire().orElseThrow().length).isLessThanOrEqualTo(512);
        Message truncated = new Message(udp.wire().get());
        assertThat(truncated.getHeader().getFlag(Flags.TC)).isTrue();
        byte[] edns = query("_dnsaddr." + TestZone.ORIGIN + ".", Type.TXT, true);
        assertThat(responder.respond(edns, edns.length, DnsTransport.UDP).wire().orElseThrow().length).isLessThanOrEqualTo(1232);
        assertThat(ask(q, DnsTransport.TCP).getSection(Section.ANSWER)).hasSize(24);
    }

    @Test
    void soaNsNodataAndNxdomain() throws IOException {
        Message soa = ask(query(TestZone.ORIGIN + ".", Type.SOA, false), DnsTransport.UDP);
        SOARecord record = (SOARecord) soa.getSection(Section.ANSWER).getFirst();
        assertThat(record.getHost()).hasToString("ns1." + TestZone.ORIGIN + ".");
        assertThat(record.getSerial()).isEqualTo(2026120501L);
        Message ns = ask(query(TestZone.ORIGIN + ".", Type.NS, false), DnsTransport.UDP);
        assertThat(ns.getSection(Section.ANSWER).stream().map(org.xbill.DNS.Record::rdataToString))
                .containsExactly("ns1." + TestZone.ORIGIN + ".", "ns2.example.net.");
        Message nodata = ask(query(TestZone.ORIGIN + ".", Type.MX, false), DnsTransport.UDP);
        assertThat(nodata.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(nodata.getSection(Section.ANSWER)).isEmpty();
        assertThat(nodata.getSection(Section.AUTHORITY).getFirst().getType()).isEqualTo(Type.SOA);
        assertThat(nodata.getSection(Section.AUTHORITY).getFirst().getTTL()).isEqualTo(30);
        Message nx = ask(query("nothere." + TestZone.ORIGIN + ".", Type.A, false), DnsTransport.UDP);
        assertThat(nx.getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(nx.getHeader().getFlag(Flags.AA)).isTrue();
        Message any = ask(query(TestZone.ORIGIN + ".", Type.ANY, false), DnsTransport.UDP);
        assertThat(any.getSection(Section.ANSWER)).singleElement().matches(r -> r.getType() == Type.SOA);
    }

    @Test
    void outsideTheZoneIsRefusedWithNoMoreBytesThanTheQuery() throws IOException {
        for (String name : List.of("example.com.", "numi.test.", "test.")) {
            for (boolean edns : List.of(false, true)) {
                byte[] q = query(name, Type.ANY, edns);
                DnsReply reply = responder.respond(q, q.length, DnsTransport.UDP);
                assertThat(reply.kind()).isEqualTo(DnsReply.Kind.REFUSED);
                assertThat(reply.wire().orElseThrow().length).isLessThanOrEqualTo(q.length);
                Message m = new Message(reply.wire().get());
                assertThat(m.getRcode()).isEqualTo(Rcode.REFUSED);
                assertThat(m.getHeader().getFlag(Flags.AA)).isFalse();
                assertThat(m.getSection(Section.ANSWER)).isEmpty();
            }
        }
    }

    @Test
    void otherOpcodesClassesAndEdnsVersionsAreRefused() throws IOException {
        Message notify = Message.newQuery(org.xbill.DNS.Record.newRecord(Name.fromString(TestZone.ORIGIN + "."), Type.SOA, DClass.IN));
        notify.getHeader().setOpcode(Opcode.NOTIFY);
        assertThat(ask(notify.toWire(), DnsTransport.UDP).getRcode()).isEqualTo(Rcode.NOTIMP);
        byte[] chaos = Message.newQuery(org.xbill.DNS.Record.newRecord(Name.fromString(TestZone.ORIGIN + "."), Type.TXT, DClass.CH))
                .toWire();
        assertThat(ask(chaos, DnsTransport.UDP).getRcode()).isEqualTo(Rcode.NOTIMP);
        Message v1 = Message.newQuery(org.xbill.DNS.Record.newRecord(Name.fromString(TestZone.ORIGIN + "."), Type.A, DClass.IN));
        v1.addRecord(new OPTRecord(1232, 0, 1), Section.ADDITIONAL);
        Message badvers = ask(v1.toWire(), DnsTransport.UDP);
        assertThat(badvers.getRcode()).isEqualTo(Rcode.BADVERS);
        assertThat(badvers.getSection(Section.ANSWER)).isEmpty();
    }

    @Test
    void responsesAndOddShapesAreDropped() throws IOException {
        Message response = Message.newQuery(org.xbill.DNS.Record.newRecord(Name.fromString(TestZone.ORIGIN + "."), Type.A, DClass.IN));
        response.getHeader().setFlag(Flags.QR);
        byte[] r = response.toWire();
        assertThat(responder.respond(r, r.length, DnsTransport.UDP).kind()).isEqualTo(DnsReply.Kind.DROPPED);
        byte[] q = query(TestZone.ORIGIN + ".", Type.A, false);
        assertThat(responder.respond(q, 11, DnsTransport.UDP).kind()).isEqualTo(DnsReply.Kind.DROPPED);
        assertThat(responder.respond(q, q.length - 1, DnsTransport.UDP).kind()).isEqualTo(DnsReply.Kind.DROPPED);
        byte[] big = new byte[600];
        System.arraycopy(q, 0, big, 0, q.length);
        assertThat(responder.respond(big, big.length, DnsTransport.TCP).kind()).isEqualTo(DnsReply.Kind.DROPPED);
        byte[] twoQuestions = q.clone();
        twoQuestions[5] = 2;
        assertThat(responder.respond(twoQuestions, twoQuestions.length, DnsTransport.UDP).kind()).isEqualTo(DnsReply.Kind.DROPPED);
    }

    @Test
    void anEmptySeedAnswersNodata() throws IOException {
        DnsResponder empty = new DnsResponder(TestZone.zone(), () -> SeedAnswers.EMPTY, 24, 1232);
        byte[] q = query(TestZone.ORIGIN + ".", Type.A, false);
        Message m = new Message(empty.respond(q, q.length, DnsTransport.UDP).wire().orElseThrow());
        assertThat(m.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(m.getSection(Section.ANSWER)).isEmpty();
    }
}
