package io.numicoin.gateway.client;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Jazzer: any {@code X-Forwarded-For} header values (the input as ISO-8859-1, as HTTP carries header
 * bytes; each {@code \n} starts another value of the header) given to {@link ClientAddressResolver}
 * never throw, and the client is the connection's peer or one of the last
 * {@link ClientAddressResolver#MAX_HOPS} entries, read as an IP literal; a peer that is not a trusted
 * proxy is the client whatever the header says; a client other than the peer that is itself trusted
 * means every hop read was trusted.
 *
 * <p>Under plain {@code mvn test} it runs on the empty input and the committed inputs in
 * {@code src/test/resources/io/numicoin/gateway/client/ForwardedForFuzzTestInputs/resolve/}. To
 * fuzz: {@code scripts/fuzz ForwardedForFuzzTest} (docs/fuzzing.md).
 */
class ForwardedForFuzzTest {

    private static final ClientAddressResolver RESOLVER = ClientAddressResolver.of(List.of("10.0.0.0/8", "fd00::/8", "127.0.0.1"));
    private static final Cidr[] TRUSTED = {Cidr.parse("10.0.0.0/8"), Cidr.parse("fd00::/8"), Cidr.parse("127.0.0.1")};
    private static final InetAddress PROXY = InetAddress.ofLiteral("10.0.0.1");
    private static final InetAddress STRANGER = InetAddress.ofLiteral("203.0.113.9");

    @FuzzTest(maxDuration = "60s")
    void resolve(byte[] input) {
        List<String> values = Arrays.asList(new String(input, StandardCharsets.ISO_8859_1).split("\n", -1));
        InetAddress fromStranger = RESOLVER.resolve(STRANGER, values);
        if (!fromStranger.equals(STRANGER)) {
            throw new AssertionError("an untrusted peer's header named the client " + fromStranger);
        }
        InetAddress client = RESOLVER.resolve(PROXY, values);
        if (client.equals(PROXY)) {
            return;
        }
        String[] hops = String.join(",", values).split(",");
        boolean named = false;
        for (int i = Math.max(0, hops.length - ClientAddressResolver.MAX_HOPS); i < hops.length && !named; i++) {
            named = client.equals(literal(hops[i].strip()));
        }
        if (!named) {
            throw new AssertionError("client " + client + " is neither the peer nor one of the last hops of " + values);
        }
        if (trusted(client)) {
            for (int i = Math.max(0, hops.length - ClientAddressResolver.MAX_HOPS); i < hops.length; i++) {
                InetAddress hop = literal(hops[i].strip());
                if (hop != null && !trusted(hop) && i > indexOf(hops, client)) {
                    throw new AssertionError("walked past the untrusted hop " + hop + " to " + client);
                }
            }
        }
    }

    private static int indexOf(String[] hops, InetAddress address) {
        for (int i = hops.length - 1; i >= 0; i--) {
            if (address.equals(literal(hops[i].strip()))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean trusted(InetAddress address) {
        return Arrays.stream(TRUSTED).anyMatch(c -> c.contains(address));
    }

    /** An IP literal, bracketed or not, the way the JDK reads one; null if it is not one. */
    private static InetAddress literal(String text) {
        String s = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        try {
            return s.isEmpty() ? null : InetAddress.ofLiteral(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
