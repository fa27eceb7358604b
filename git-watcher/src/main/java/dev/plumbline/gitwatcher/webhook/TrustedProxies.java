package dev.plumbline.gitwatcher.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who sent a request: the connection's peer, unless the peer is a proxy trusted to say so (the Ingress controller),
 * in which case the address it appended to {@code X-Forwarded-For}. Only the entries proxies appended are believed:
 * the list is read from its end, and the first address that is not itself a trusted proxy is the sender, so a
 * sender cannot pick its own address by writing the header itself.
 */
public final class TrustedProxies {

    /** Only address literals are read, so that nothing in a setting or a header is ever looked up in DNS. */
    private static final Pattern LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9a-fA-F:]*:[0-9a-fA-F:.]*");

    private record Range(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = ranges;
    }

    /** Addresses ({@code 10.0.0.7}) and CIDR ranges ({@code 10.0.0.0/8}, {@code fd00::/8}); an empty list trusts none. */
    public static TrustedProxies of(List<String> entries) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : entries) {
            String text = entry.strip();
            int slash = text.indexOf('/');
            Optional<byte[]> address = parse(slash < 0 ? text : text.substring(0, slash));
            int prefix = address.map(a -> a.length * 8).orElse(-1);
            if (slash >= 0 && address.isPresent()) {
                prefix = text.substring(slash + 1).matches("\\d{1,3}")
                        ? Integer.parseInt(text.substring(slash + 1))
                        : Integer.MAX_VALUE;
            }
            if (address.isEmpty() || prefix > address.get().length * 8) {
                throw new IllegalArgumentException("plumbline.webhook.trusted-proxies: " + entry
                        + " is not an IP address or CIDR range; write them like 10.0.0.7, 10.0.0.0/8 or fd00::/8");
            }
            ranges.add(new Range(address.get(), prefix));
        }
        return new TrustedProxies(List.copyOf(ranges));
    }

    /** The sender of a request from {@code peer} carrying this {@code X-Forwarded-For} (null when absent). */
    public String sender(String peer, String forwardedFor) {
        String sender = peer;
        if (ranges.isEmpty() || forwardedFor == null) {
            return sender;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0 && trusted(sender); i--) {
            String hop = hops[i].strip();
            if (parse(hop).isEmpty()) {
                break;
            }
            sender = hop;
        }
        return sender;
    }

    private boolean trusted(String address) {
        Optional<byte[]> bytes = parse(address);
        return bytes.isPresent() && ranges.stream().anyMatch(r -> r.contains(bytes.get()));
    }

    private static Optional<byte[]> parse(String literal) {
        if (literal == null || !LITERAL.matcher(literal).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(literal).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
