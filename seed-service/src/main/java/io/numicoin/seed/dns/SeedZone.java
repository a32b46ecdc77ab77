package io.numicoin.seed.dns;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.xbill.DNS.DClass;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.NameTooLongException;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.TextParseException;

/**
 * The zone the seed is authoritative for: its origin (e.g. {@code seed.numicoin.org.}), the
 * {@code _dnsaddr} name below it, its name servers and SOA, and the TTLs of answers.
 *
 * @param answerTtl TTL of A, AAAA and TXT answers: short, so resolvers come back for fresh peers
 * @param negativeTtl the SOA minimum: how long resolvers cache "no such name" and "no data"
 */
public record SeedZone(Name origin, List<Name> nameServers, Name hostmaster, Duration answerTtl, Duration zoneTtl,
        Duration negativeTtl, long serial) {

    public SeedZone {
        Objects.requireNonNull(origin, "origin");
        if (!origin.isAbsolute() || nameServers.isEmpty()) {
            throw new IllegalArgumentException("an absolute origin and at least one name server");
        }
        try {
            Name.concatenate(DNSADDR, origin);
        } catch (NameTooLongException e) {
            throw new IllegalArgumentException("origin too long for _dnsaddr below it: " + origin, e);
        }
        nameServers = List.copyOf(nameServers);
        Objects.requireNonNull(hostmaster, "hostmaster");
        if (answerTtl.isNegative() || zoneTtl.isNegative() || negativeTtl.isNegative()) {
            throw new IllegalArgumentException("TTLs must not be negative");
        }
    }

    /** A zone from configuration text: names are made absolute. */
    public static SeedZone of(String origin, List<String> nameServers, String hostmaster, Duration answerTtl, Duration zoneTtl,
            Duration negativeTtl, long serial) {
        try {
            return new SeedZone(absolute(origin), nameServers.stream().map(SeedZone::absoluteUnchecked).toList(),
                    absolute(hostmaster), answerTtl, zoneTtl, negativeTtl, serial);
        } catch (TextParseException e) {
            throw new IllegalArgumentException("not a domain name: " + e.getMessage(), e);
        }
    }

    /** {@code _dnsaddr.<origin>}: the libp2p dnsaddr TXT records. */
    public Name dnsaddrName() {
        try {
            return Name.concatenate(DNSADDR, origin);
        } catch (NameTooLongException e) {
            throw new IllegalStateException("checked when the zone was made", e);
        }
    }

    public SOARecord soa() {
        long negative = negativeTtl.toSeconds();
        return new SOARecord(origin, DClass.IN, zoneTtl.toSeconds(), nameServers.getFirst(), hostmaster, serial,
                3600, 600, 86_400 * 14L, negative);
    }

    /** The SOA for the authority section of a negative answer: its TTL is the negative TTL (RFC 2308 §3). */
    public SOARecord negativeSoa() {
        SOARecord soa = soa();
        return new SOARecord(origin, DClass.IN, Math.min(soa.getTTL(), soa.getMinimum()), soa.getHost(), soa.getAdmin(),
                soa.getSerial(), soa.getRefresh(), soa.getRetry(), soa.getExpire(), soa.getMinimum());
    }

    public List<NSRecord> ns() {
        return nameServers.stream().map(n -> new NSRecord(origin, DClass.IN, zoneTtl.toSeconds(), n)).toList();
    }

    private static final Name DNSADDR = Name.fromConstantString("_dnsaddr");

    private static Name absolute(String text) throws TextParseException {
        return Name.fromString(text.endsWith(".") ? text : text + ".");
    }

    private static Name absoluteUnchecked(String text) {
        try {
            return absolute(text);
        } catch (TextParseException e) {
            throw new IllegalArgumentException("not a domain name: " + text, e);
        }
    }
}
