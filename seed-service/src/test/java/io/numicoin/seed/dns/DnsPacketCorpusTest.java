package io.numicoin.seed.dns;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A seeded corpus of broken packets: real queries (in and out of the zone, every type served, with
 * and without EDNS0) with bytes flipped, cut, stretched, counts and compression pointers forged, or
 * replaced by noise; every one meets {@link DnsReplyContract}. Each seed gives 500 packets.
 */
class DnsPacketCorpusTest {

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 12);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyBrokenPacketIsHandledWithoutHarm(long seed) throws IOException {
        Random random = new Random(seed);
        List<byte[]> valid = validQueries();
        for (int i = 0; i < 500; i++) {
            DnsReplyContract.check(mutate(valid.get(random.nextInt(valid.size())), random));
        }
    }

    static List<byte[]> validQueries() throws IOException {
        List<byte[]> out = new ArrayList<>();
        for (String name : List.of(TestZone.ORIGIN + ".", "_dnsaddr." + TestZone.ORIGIN + ".", "x." + TestZone.ORIGIN + ".",
                "example.com.")) {
            for (int type : new int[] {Type.A, Type.AAAA, Type.TXT, Type.SOA, Type.NS, Type.ANY}) {
                Message q = Message.newQuery(org.xbill.DNS.Record.newRecord(Name.fromString(name), type, DClass.IN));
                out.add(q.toWire());
                q.addRecord(new OPTRecord(4096, 0, 0), Section.ADDITIONAL);
                out.add(q.toWire());
            }
        }
        return out;
    }

    static byte[] mutate(byte[] query, Random random) {
        byte[] p = query.clone();
        switch (random.nextInt(7)) {
            case 0 -> {
                for (int n = 1 + random.nextInt(4); n > 0; n--) {
                    p[random.nextInt(p.length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> p = Arrays.copyOf(p, random.nextInt(p.length));
            case 2 -> {
                p = Arrays.copyOf(p, p.length + 1 + random.nextInt(600));
                for (int i = query.length; i < p.length; i++) {
                    p[i] = (byte) random.nextInt(256);
                }
            }
            case 3 -> {  // forged section counts
                int at = 4 + 2 * random.nextInt(4);
                p[at] = (byte) random.nextInt(256);
                p[at + 1] = (byte) random.nextInt(256);
            }
            case 4 -> {  // a compression pointer into the header or to itself
                int at = 12 + random.nextInt(Math.max(1, p.length - 13));
                p[at] = (byte) 0xc0;
                p[Math.min(p.length - 1, at + 1)] = (byte) (random.nextBoolean() ? at : random.nextInt(12));
            }
            case 5 -> {
                p = new byte[random.nextInt(520)];
                random.nextBytes(p);
            }
            default -> p[random.nextInt(Math.min(4, p.length)) + (p.length > 4 ? 0 : 0)] = (byte) random.nextInt(256);
        }
        return p;
    }
}
