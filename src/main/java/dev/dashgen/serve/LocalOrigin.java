package dev.dashgen.serve;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.regex.Pattern;

/**
 * What counts as this server's own address, against DNS rebinding and cross-site WebSocket use:
 * a {@code Host} header must name the server's port and one of its own host names ({@code localhost},
 * a loopback address, the {@code --host} given; any IP literal when bound to all interfaces, never
 * another name), and an {@code Origin} must also be {@code http}.
 */
final class LocalOrigin {
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Set<String> WILDCARD = Set.of("0.0.0.0", "[::]", "");

    private final String host;
    private final IntSupplier port;

    /** {@code bindHost} as given to {@code --host}; {@code port} the port actually bound (known after start). */
    LocalOrigin(String bindHost, IntSupplier port) {
        this.host = bracketed(bindHost.toLowerCase(Locale.ROOT));
        this.port = port;
    }

    /** Is {@code hostHeader} ({@code host[:port]}) this server? A missing header is not. */
    boolean isOwnHost(String hostHeader) {
        if (hostHeader == null) return false;
        String h = hostHeader.strip().toLowerCase(Locale.ROOT);
        int colon = h.lastIndexOf(':');
        int p = 80;
        if (colon > h.lastIndexOf(']')) {
            try {
                p = Integer.parseInt(h.substring(colon + 1));
            } catch (NumberFormatException e) {
                return false;
            }
            h = h.substring(0, colon);
        }
        if (h.endsWith(".")) h = h.substring(0, h.length() - 1);
        return p == port.getAsInt() && isOwnName(h);
    }

    private boolean isOwnName(String h) {
        if (LOOPBACK.contains(h) || h.equals(host)) return true;
        boolean literal = IPV4.matcher(h).matches() || (h.startsWith("[") && h.endsWith("]"));
        return literal && (WILDCARD.contains(host) || h.startsWith("127."));
    }

    /** Is {@code origin} a page of this server? Null (not a browser) is accepted; {@code "null"} is not. */
    boolean isOwnOrigin(String origin) {
        if (origin == null) return true;
        try {
            URI u = new URI(origin);
            if (!"http".equalsIgnoreCase(u.getScheme()) || u.getRawAuthority() == null) return false;
            if (u.getRawPath() != null && !u.getRawPath().isEmpty() && !u.getRawPath().equals("/")) return false;
            return !u.getRawAuthority().contains("@") && isOwnHost(u.getRawAuthority());
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String bracketed(String h) {
        return h.contains(":") && !h.startsWith("[") ? "[" + h + "]" : h;
    }
}
