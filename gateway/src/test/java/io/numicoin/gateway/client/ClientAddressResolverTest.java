package io.numicoin.gateway.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientAddressResolverTest {

    private final ClientAddressResolver resolver = ClientAddressResolver.of(List.of("10.0.0.0/8", "::1", " "));

    @ParameterizedTest(name = "peer {0}, X-Forwarded-For ''{1}'' -> {2}")
    @CsvSource(delimiter = '|', value = {
            // an untrusted peer is the client whatever it claims
            "203.0.113.9 | 198.51.100.1             | 203.0.113.9",
            // a trusted proxy: the rightmost untrusted hop
            "10.1.2.3    | 198.51.100.1             | 198.51.100.1",
            "10.1.2.3    | 192.0.2.66, 198.51.100.1 | 198.51.100.1",
            "10.1.2.3    | 198.51.100.1, 10.9.9.9   | 198.51.100.1",
            // only proxies in the chain: the leftmost of them
            "10.1.2.3    | 10.7.7.7, 10.8.8.8       | 10.7.7.7",
            // garbage stops the walk at the hop that wrote it
            "10.1.2.3    | 198.51.100.1, not-an-ip  | 10.1.2.3",
            "10.1.2.3    | 198.51.100.1, not-an-ip, 10.4.4.4 | 10.4.4.4",
            "10.1.2.3    | ''                       | 10.1.2.3",
            // IPv6, bracketed or not
            "::1         | [2001:db8::1]            | 2001:db8:0:0:0:0:0:1",
            "::1         | 2001:db8::2              | 2001:db8:0:0:0:0:0:2",
            // a v4 rule does not cover v6
            "2001:db8::5 | 198.51.100.1             | 2001:db8:0:0:0:0:0:5"})
    void resolves(String peer, String forwardedFor, String expected) {
        InetAddress client = resolver.resolve(InetAddress.ofLiteral(peer), List.of(forwardedFor));
        assertThat(client.getHostAddress()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"10.0.0.0/8, 10.255.1.1, true", "10.0.0.0/8, 11.0.0.1, false", "192.168.4.0/22, 192.168.7.255, true",
            "192.168.4.0/22, 192.168.8.0, false", "0.0.0.0/0, 8.8.8.8, true", "2001:db8::/32, 2001:db8:ffff::1, true",
            "2001:db8::/32, 2001:db9::1, false", "127.0.0.1, 127.0.0.1, true", "127.0.0.1, 127.0.0.2, false"})
    void cidrs(String cidr, String address, boolean contained) {
        assertThat(Cidr.parse(cidr).contains(InetAddress.ofLiteral(address))).isEqualTo(contained);
    }

    @org.junit.jupiter.api.Test
    void readsAtMostSixteenHops() {
        String chain = String.join(",", java.util.Collections.nCopies(40, "10.0.0.1"));
        InetAddress client = resolver.resolve(InetAddress.ofLiteral("10.1.1.1"), List.of("198.51.100.7," + chain));
        assertThat(client.getHostAddress()).isEqualTo("10.0.0.1");
    }
}
