package io.numicoin.seed.dns;

import java.util.Optional;

/**
 * What the responder made of one packet: the bytes to send back (none when it is dropped) and what
 * kind of reply it is (for metrics and tests).
 */
public record DnsReply(Kind kind, Optional<byte[]> wire) {

    public enum Kind {
        /** In the zone, with records (or NODATA), authoritative. */
        ANSWER,
        /** The whole answer did not fit: TC set, the client should ask again over TCP. */
        TRUNCATED,
        /** In the zone, no such name. */
        NXDOMAIN,
        /** Not in the zone, a query type or opcode not served, or a bad EDNS version: a header-sized refusal. */
        REFUSED,
        /** Malformed, a response, too big, or a refusal that would have been bigger than the query: nothing sent. */
        DROPPED
    }

    static DnsReply dropped() {
        return new DnsReply(Kind.DROPPED, Optional.empty());
    }

    static DnsReply of(Kind kind, byte[] wire) {
        return new DnsReply(kind, Optional.of(wire));
    }
}
