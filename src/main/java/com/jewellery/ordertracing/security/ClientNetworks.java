package com.jewellery.ordertracing.security;

import java.math.BigInteger;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A list of networks in CIDR notation ({@code 10.0.0.0/8}, {@code ::1/128}; a bare address is one host).
 * Plain Java and no DNS: addresses are literals, so a check never waits on a name server.
 */
public final class ClientNetworks {

    private static final Pattern DOTTED_QUAD = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final List<Network> networks;

    private ClientNetworks(List<Network> networks) {
        this.networks = networks;
    }

    /** @throws IllegalArgumentException naming the entry that is not a network */
    public static ClientNetworks parse(List<String> entries) {
        return new ClientNetworks(entries.stream()
                .map(String::trim)
                .filter(entry -> !entry.isEmpty())
                .map(Network::parse)
                .toList());
    }

    public boolean isEmpty() {
        return networks.isEmpty();
    }

    /** Whether {@code address} (a literal such as Tomcat's remote address) lies in one of the networks. */
    public boolean contains(String address) {
        InetAddress parsed;
        try {
            parsed = literal(address);
        } catch (IllegalArgumentException notAnAddress) {
            return false;
        }
        return networks.stream().anyMatch(network -> network.contains(parsed));
    }

    /** Only the full forms: the JDK also reads "10.1" as 10.0.0.1, which in a setting is surely a typo. */
    private static InetAddress literal(String text) {
        if (!text.contains(":") && !DOTTED_QUAD.matcher(text).matches()) {
            throw new IllegalArgumentException("not an address: " + text);
        }
        return InetAddress.ofLiteral(text);
    }

    @Override
    public String toString() {
        return String.join(", ", networks.stream().map(Network::toString).toList());
    }

    private record Network(byte[] base, int prefix, String text) {

        static Network parse(String entry) {
            String[] parts = entry.split("/", -1);
            if (parts.length > 2) {
                throw invalid(entry);
            }
            byte[] address;
            try {
                address = literal(parts[0]).getAddress();
            } catch (IllegalArgumentException e) {
                throw invalid(entry);
            }
            int prefix = address.length * 8;
            if (parts.length == 2) {
                try {
                    prefix = Integer.parseInt(parts[1]);
                } catch (NumberFormatException e) {
                    throw invalid(entry);
                }
                if (prefix < 0 || prefix > address.length * 8) {
                    throw invalid(entry);
                }
            }
            return new Network(address, prefix, entry);
        }

        boolean contains(InetAddress candidate) {
            byte[] bytes = candidate.getAddress();
            if (bytes.length != base.length) {
                return false;
            }
            return masked(bytes).equals(masked(base));
        }

        private BigInteger masked(byte[] bytes) {
            int bits = bytes.length * 8;
            return new BigInteger(1, bytes).shiftRight(bits - prefix);
        }

        private static IllegalArgumentException invalid(String entry) {
            return new IllegalArgumentException(
                    "not a network in CIDR notation (like 10.0.0.0/8 or ::1/128): " + entry);
        }

        @Override
        public String toString() {
            return text;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Network network && Arrays.equals(base, network.base) && prefix == network.prefix;
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(base) + prefix;
        }
    }
}
