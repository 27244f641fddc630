package newsflow.common.http;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AddressPolicyTest {

    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal); // literals only: no lookup
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.255.255.254", "10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.255",
            "192.168.0.1", "192.168.255.255", "169.254.169.254", "169.254.0.1", "100.64.0.1", "100.127.255.255",
            "0.0.0.0", "0.1.2.3", "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255", "192.0.0.8",
            "198.18.0.1", "198.19.255.255",
            "::", "::1", "fc00::1", "fd12:3456::1", "fe80::1", "febf::1", "fec0::1", "ff02::1", "ff05::2",
            "::ffff:127.0.0.1", "::ffff:10.1.2.3", "::ffff:169.254.169.254", "::127.0.0.1", "::10.0.0.1",
            "64:ff9b::7f00:1", "64:ff9b::a9fe:a9fe", "2002:7f00:1::", "2002:c0a8:101::1"})
    void nonPublicAddressesAreClassified(String literal) throws Exception {
        assertThat(AddressPolicy.classify(ip(literal))).as(literal).isNotNull();
        assertThat(AddressPolicy.of(List.of()).refusal(ip(literal), 80)).as(literal).isNotNull().contains("not in http.allowPrivate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.1.1.1", "8.8.8.8", "93.184.216.34", "9.255.255.255", "11.0.0.0", "172.15.255.255",
            "172.32.0.0", "192.167.255.255", "192.169.0.0", "169.253.255.255", "169.255.0.0", "100.63.255.255",
            "100.128.0.0", "223.255.255.255", "198.17.255.255", "198.20.0.0", "192.0.1.1",
            "2001:4860:4860::8888", "2606:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1",
            "fbff::1", "fe00::1"})
    void publicAddressesAreNot(String literal) throws Exception {
        assertThat(AddressPolicy.classify(ip(literal))).as(literal).isNull();
        assertThat(AddressPolicy.of(List.of()).refusal(ip(literal), 443)).as(literal).isNull();
    }

    @Test
    void saysWhatKindOfAddressItIs() throws Exception {
        assertThat(AddressPolicy.classify(ip("127.0.0.1"))).isEqualTo("loopback");
        assertThat(AddressPolicy.classify(ip("169.254.169.254"))).contains("link-local", "metadata");
        assertThat(AddressPolicy.classify(ip("10.1.1.1"))).contains("RFC 1918");
        assertThat(AddressPolicy.classify(ip("fd00::1"))).contains("unique-local");
        assertThat(AddressPolicy.classify(ip("::"))).contains("unspecified");
        assertThat(AddressPolicy.classify(ip("224.0.0.1"))).isEqualTo("multicast");
    }

    @Test
    void mappedFormsKeptAsIpv6AreJudgedByTheirIpv4Address() throws Exception {
        // the JDK turns "::ffff:127.0.0.1" into an Inet4Address; bytes from elsewhere may stay IPv6
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xFF;
        mapped[11] = (byte) 0xFF;
        mapped[12] = 127;
        mapped[15] = 1;
        InetAddress v6 = Inet6Address.getByAddress(null, mapped, null);
        assertThat(v6).isInstanceOf(Inet6Address.class);
        assertThat(AddressPolicy.classify(v6)).contains("IPv4-mapped", "127.0.0.1", "loopback");
        // and an allow rule for the IPv4 address covers its mapped form
        assertThat(AddressPolicy.of(List.of("127.0.0.1/32:8085")).refusal(v6, 8085)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2130706433", "0177.0.0.1", "0x7f.1", "0x7f000001", "127.1", "127.0.1", "017700000001",
            "0x7f.0.0.1", "127.000.000.001", "1.2.3.4.5", "0"})
    void oddIpv4SpellingsAreRefusedBeforeAnyLookup(String host) {
        assertThat(AddressPolicy.oddIpv4Spelling(host)).as(host).isNotNull().contains("non-standard spelling");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "8.8.8.8", "example.com", "news.example.org", "1password.com", "123.example",
            "0x.example", "cafe", "deadbeef.net", "localhost"})
    void namesAndCanonicalAddressesAreNotOddSpellings(String host) {
        assertThat(AddressPolicy.oddIpv4Spelling(host)).as(host).isNull();
    }

    @Test
    void anAllowRuleWithAPortAllowsOnlyThatPort() throws Exception {
        AddressPolicy policy = AddressPolicy.of(List.of("127.0.0.1/32:8085"));
        assertThat(policy.refusal(ip("127.0.0.1"), 8085)).isNull();
        assertThat(policy.refusal(ip("127.0.0.1"), 8086)).contains("127.0.0.1 port 8086 is loopback");
        assertThat(policy.refusal(ip("127.0.0.2"), 8085)).isNotNull();
        // with the port not known yet (name resolution), an address some rule allows passes; the socket checks the port
        assertThat(policy.refusalOnAnyPort(ip("127.0.0.1"))).isNull();
        assertThat(policy.refusalOnAnyPort(ip("127.0.0.2"))).isNotNull();
    }

    @Test
    void aNetworkRuleAllowsEveryAddressAndPortInIt() throws Exception {
        AddressPolicy policy = AddressPolicy.of(List.of("10.0.0.0/8", "172.16.0.0/12", "fd00::/8", "[::1]:9200", "192.168.1.7"));
        assertThat(policy.refusal(ip("10.200.3.4"), 443)).isNull();
        assertThat(policy.refusal(ip("172.31.0.1"), 80)).isNull();
        assertThat(policy.refusal(ip("172.32.0.1"), 80)).isNull(); // public anyway
        assertThat(policy.refusal(ip("fd12::1"), 80)).isNull();
        assertThat(policy.refusal(ip("fc00::1"), 80)).isNotNull();
        assertThat(policy.refusal(ip("::1"), 9200)).isNull();
        assertThat(policy.refusal(ip("::1"), 9201)).isNotNull();
        assertThat(policy.refusal(ip("192.168.1.7"), 1)).isNull();
        assertThat(policy.refusal(ip("192.168.1.8"), 1)).isNotNull();
        assertThat(policy.refusal(ip("127.0.0.1"), 80)).isNotNull();
    }

    @Test
    void prefixesThatAreNotWholeBytesMatchBitByBit() throws Exception {
        AddressPolicy policy = AddressPolicy.of(List.of("100.64.0.0/10"));
        assertThat(policy.refusal(ip("100.127.255.255"), 80)).isNull();
        assertThat(AddressPolicy.of(List.of("100.64.0.0/11")).refusal(ip("100.96.0.1"), 80)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "127.0.0.1/33", "127.0.0.1:0", "127.0.0.1:70000", "10.0.0.0/x",
            "0177.0.0.1", "2130706433/32", "[::1", "::1/129", "example.com/8"})
    void aBadAllowEntryIsAClearError(String entry) {
        assertThatThrownBy(() -> AddressPolicy.of(List.of(entry)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http.allowPrivate");
    }
}
