package org.mandate.shared;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * What a client's address counts as for limits: an IPv4 address as it is, an IPv6 address by its /64
 * prefix, since one subscriber usually gets a whole /64 and can rotate through it at will.
 */
public final class ClientAddress {

    private ClientAddress() {}

    /** {@code 2001:db8:1:2::/64} for any address in that /64; IPv4 and unparsable text unchanged. */
    public static String limitKey(String address) {
        if (address == null || address.indexOf(':') < 0 || !address.strip().matches("[0-9A-Fa-f:.]{2,45}")) {
            return address;
        }
        try {
            // Only IPv6 literals reach here, so this parses and never looks a name up.
            InetAddress parsed = InetAddress.getByName(address.strip());
            if (parsed instanceof Inet6Address v6) {
                byte[] b = v6.getAddress();
                StringBuilder out = new StringBuilder();
                for (int i = 0; i < 8; i += 2) {
                    out.append(Integer.toHexString(((b[i] & 0xff) << 8) | (b[i + 1] & 0xff)))
                            .append(':');
                }
                return out.append(":/64").toString();
            }
            return parsed.getHostAddress();
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
