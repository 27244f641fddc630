package newsflow.common.http;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which addresses the fetch layer may connect to: public unicast ones, plus the non-public ones an operator
 * listed in {@code http.allowPrivate}. Guards against a feed or a page making newsflow read internal services
 * (SSRF): loopback, private networks, link-local (cloud metadata at 169.254.169.254), multicast and the like.
 */
final class AddressPolicy {

    /** One allow-list entry: a network, and the one port allowed on it (-1: any port). */
    record AllowRule(byte[] network, int prefixBits, int port, String text) {

        boolean matches(byte[] address, int onPort) {
            return (port < 0 || onPort < 0 || port == onPort) && inNetwork(address);
        }

        boolean inNetwork(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefixBits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefixBits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private static final Pattern CANONICAL_IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    /** A host name whose labels are all numbers (decimal, octal or hex): what some resolvers read as IPv4. */
    private static final Pattern NUMERIC_HOST = Pattern.compile("(0x[0-9a-f]*|\\d+)(\\.(0x[0-9a-f]*|\\d+))*\\.?");

    private final List<AllowRule> allowed;

    private AddressPolicy(List<AllowRule> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    /**
     * @param allowPrivate entries of {@code http.allowPrivate}: {@code CIDR} or {@code CIDR:port}, a bare address
     *                     meaning that one host; IPv6 with a port in brackets ({@code [::1]/128:8085})
     * @throws IllegalArgumentException naming the entry that is not one
     */
    static AddressPolicy of(List<String> allowPrivate) {
        List<AllowRule> rules = new ArrayList<>();
        for (String entry : allowPrivate == null ? List.<String>of() : allowPrivate) {
            rules.add(parseRule(entry));
        }
        return new AddressPolicy(rules);
    }

    static AllowRule parseRule(String entry) {
        String text = entry == null ? "" : entry.strip();
        try {
            String cidr = text;
            int port = -1;
            if (text.startsWith("[")) {
                int close = text.indexOf(']');
                if (close < 0) {
                    throw new IllegalArgumentException("unclosed '['");
                }
                String after = text.substring(close + 1);
                cidr = text.substring(1, close);
                int colon = after.lastIndexOf(':');
                if (colon >= 0) {
                    port = port(after.substring(colon + 1));
                    after = after.substring(0, colon);
                }
                cidr += after; // "[::1]/128" keeps its prefix outside the brackets
            } else if (text.indexOf(':') >= 0 && text.indexOf(':') == text.lastIndexOf(':')) {
                int colon = text.indexOf(':'); // IPv4 with a port; a bare IPv6 CIDR has several colons
                port = port(text.substring(colon + 1));
                cidr = text.substring(0, colon);
            }
            int slash = cidr.indexOf('/');
            String address = slash < 0 ? cidr : cidr.substring(0, slash);
            if (!address.contains(":") && !CANONICAL_IPV4.matcher(address).matches()) {
                throw new IllegalArgumentException("not an IP address: '" + address + "'");
            }
            byte[] bytes = normalised(InetAddress.getByName(address)); // a literal: no lookup
            int bits = slash < 0 ? bytes.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
            if (bits < 0 || bits > bytes.length * 8) {
                throw new IllegalArgumentException("prefix /" + bits + " out of range");
            }
            return new AllowRule(bytes, bits, port, text);
        } catch (UnknownHostException | RuntimeException e) {
            throw new IllegalArgumentException("http.allowPrivate: '" + text + "' is not CIDR or CIDR:port ("
                    + e.getMessage() + ")", e);
        }
    }

    private static int port(String text) {
        int port = Integer.parseInt(text);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " out of range");
        }
        return port;
    }

    /** Why connecting to {@code address} on {@code port} is refused, or null when it is allowed. */
    String refusal(InetAddress address, int port) {
        String kind = classify(address);
        if (kind == null) {
            return null;
        }
        byte[] bytes = normalised(address);
        for (AllowRule rule : allowed) {
            if (rule.matches(bytes, port)) {
                return null;
            }
        }
        return address.getHostAddress() + (port < 0 ? "" : " port " + port) + " is " + kind + " (not in http.allowPrivate)";
    }

    /** As {@link #refusal(InetAddress, int)} for a port not known yet: allowed when some rule allows any port of it. */
    String refusalOnAnyPort(InetAddress address) {
        return refusal(address, -1);
    }

    /**
     * Why a URL's host is refused before any lookup, or null: a host spelled as numbers that is not a canonical
     * dotted quad ({@code 2130706433}, {@code 0177.0.0.1}, {@code 0x7f.1}, {@code 127.1}). Resolvers disagree
     * on what these mean (the JDK reads {@code 0177.0.0.1} as 177.0.0.1, C libraries as 127.0.0.1), so none
     * is trusted.
     */
    static String oddIpv4Spelling(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (NUMERIC_HOST.matcher(h).matches() && !CANONICAL_IPV4.matcher(h).matches()) {
            return "host '" + host + "' is an IPv4 address in a non-standard spelling";
        }
        return null;
    }

    /**
     * What kind of non-public address this is, or null for a public unicast one. IPv6 forms that embed an IPv4
     * address (mapped, compatible, NAT64, 6to4) are judged by the IPv4 address they carry.
     */
    static String classify(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return classifyV4(b);
        }
        if (address instanceof Inet6Address) {
            return classifyV6(b);
        }
        return "of an unknown family";
    }

    private static String classifyV4(byte[] b) {
        int a0 = b[0] & 0xFF;
        int a1 = b[1] & 0xFF;
        if (a0 == 0) {
            return "unspecified (0.0.0.0/8)";
        }
        if (a0 == 127) {
            return "loopback";
        }
        if (a0 == 10 || (a0 == 172 && (a1 & 0xF0) == 16) || (a0 == 192 && a1 == 168)) {
            return "private (RFC 1918)";
        }
        if (a0 == 100 && (a1 & 0xC0) == 64) {
            return "shared carrier-grade NAT (100.64.0.0/10)";
        }
        if (a0 == 169 && a1 == 254) {
            return "link-local (169.254.0.0/16, cloud metadata)";
        }
        if (a0 == 192 && a1 == 0 && (b[2] & 0xFF) == 0) {
            return "reserved for protocol assignments (192.0.0.0/24)";
        }
        if (a0 == 198 && (a1 & 0xFE) == 18) {
            return "reserved for benchmarking (198.18.0.0/15)";
        }
        if (a0 >= 224 && a0 <= 239) {
            return "multicast";
        }
        if (a0 >= 240) {
            return "reserved or broadcast (240.0.0.0/4)";
        }
        return null;
    }

    private static String classifyV6(byte[] b) {
        if (allZero(b, 0, 10)) {
            boolean mapped = (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF;
            boolean compatible = b[10] == 0 && b[11] == 0;
            if (compatible && allZero(b, 12, 15)) {
                return b[15] == 0 ? "unspecified (::)" : b[15] == 1 ? "loopback (::1)" : embedded(b, 12, "IPv4-compatible");
            }
            if (mapped || compatible) {
                return embedded(b, 12, mapped ? "IPv4-mapped" : "IPv4-compatible");
            }
        }
        int b0 = b[0] & 0xFF;
        int b1 = b[1] & 0xFF;
        if (b0 == 0x00 && b1 == 0x64 && (b[2] & 0xFF) == 0xFF && (b[3] & 0xFF) == 0x9B && allZero(b, 4, 12)) {
            return embedded(b, 12, "NAT64");
        }
        if (b0 == 0x20 && b1 == 0x02) {
            return embedded(b, 2, "6to4");
        }
        if ((b0 & 0xFE) == 0xFC) {
            return "unique-local (fc00::/7)";
        }
        if (b0 == 0xFE && (b1 & 0xC0) == 0x80) {
            return "link-local (fe80::/10)";
        }
        if (b0 == 0xFE && (b1 & 0xC0) == 0xC0) {
            return "site-local (fec0::/10)";
        }
        if (b0 == 0xFF) {
            return "multicast";
        }
        return null;
    }

    /** The IPv4 address at {@code from} judged as such; an IPv6 form of a public IPv4 address is public. */
    private static String embedded(byte[] b, int from, String form) {
        byte[] v4 = {b[from], b[from + 1], b[from + 2], b[from + 3]};
        String kind = classifyV4(v4);
        return kind == null ? null : form + " form of " + (v4[0] & 0xFF) + "." + (v4[1] & 0xFF) + "."
                + (v4[2] & 0xFF) + "." + (v4[3] & 0xFF) + ", " + kind;
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** The address's bytes, IPv4-mapped IPv6 as the IPv4 address it is, so one allow rule covers both spellings. */
    static byte[] normalised(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 16 && allZero(b, 0, 10) && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF) {
            return new byte[] {b[12], b[13], b[14], b[15]};
        }
        return b;
    }
}
