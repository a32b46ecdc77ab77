package io.numicoin.node.p2p.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exemptions and inbound subnets, on loopback addresses. */
class ExemptAddressesTest {

    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    @Test
    void loopbackIsExemptOnlyWhenAsked() throws Exception {
        assertThat(ExemptAddresses.loopbackOnly().isExempt(ip("127.0.0.1"))).isTrue();
        assertThat(ExemptAddresses.loopbackOnly().isExempt(ip("127.9.8.7"))).isTrue();
        assertThat(ExemptAddresses.loopbackOnly().isExempt(ip("::1"))).isTrue();
        assertThat(ExemptAddresses.none().isExempt(ip("127.0.0.1"))).isFalse();
    }

    @Test
    void theAllowListTakesAddressesAndCidrBlocks() throws Exception {
        ExemptAddresses exempt = new ExemptAddresses(false, List.of("127.0.0.2", "127.1.0.0/16", "127.2.3.128/25"));
        assertThat(exempt.isExempt(ip("127.0.0.2"))).isTrue();
        assertThat(exempt.isExempt(ip("127.0.0.3"))).isFalse();
        assertThat(exempt.isExempt(ip("127.1.200.9"))).isTrue();
        assertThat(exempt.isExempt(ip("127.2.3.129"))).isTrue();
        assertThat(exempt.isExempt(ip("127.2.3.127"))).isFalse();
        assertThat(exempt.isExempt(ip("::1"))).isFalse();
        assertThatThrownBy(() -> new ExemptAddresses(false, List.of("localhost"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExemptAddresses(false, List.of("127.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void inboundSubnetsAreSlash24AndSlash64() throws Exception {
        assertThat(AddressGroup.inboundSubnet(ip("127.0.0.1"))).isEqualTo(AddressGroup.inboundSubnet(ip("127.0.0.254")));
        assertThat(AddressGroup.inboundSubnet(ip("127.0.0.1"))).isNotEqualTo(AddressGroup.inboundSubnet(ip("127.0.1.1")));
        assertThat(AddressGroup.inboundSubnet(ip("::ffff:127.0.0.9"))).isEqualTo(AddressGroup.inboundSubnet(ip("127.0.0.1")));
        assertThat(AddressGroup.inboundSubnet(ip("::1"))).isEqualTo("ip6:0000:0000:0000:0000::/64");
    }
}
