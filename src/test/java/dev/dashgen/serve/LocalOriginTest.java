package dev.dashgen.serve;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LocalOriginTest {
    private final LocalOrigin loopback = new LocalOrigin("127.0.0.1", () -> 8000);
    private final LocalOrigin everywhere = new LocalOrigin("0.0.0.0", () -> 8000);
    private final LocalOrigin named = new LocalOrigin("devbox.lan", () -> 8000);

    @Test
    void ownHostsNameThePortAndALocalName() {
        for (String h : List.of("127.0.0.1:8000", "localhost:8000", "LOCALHOST:8000", "[::1]:8000", "localhost.:8000")) {
            assertTrue(loopback.isOwnHost(h), h);
        }
    }

    @Test
    void foreignHostsAreRefused() {
        for (String h : List.of("evil.example:8000", "127.0.0.1:8001", "127.0.0.1", "localhost", "127.0.0.1.nip.io:8000",
                "localhost.evil.example:8000", "192.168.1.5:8000", "devbox.lan:8000", "127.0.0.1:8000x", "")) {
            assertFalse(loopback.isOwnHost(h), h);
        }
        assertFalse(loopback.isOwnHost(null));
    }

    @Test
    void boundToEveryInterfaceAnyAddressButNoOtherName() {
        assertTrue(everywhere.isOwnHost("192.168.1.5:8000"));
        assertTrue(everywhere.isOwnHost("[fe80::1]:8000"));
        assertFalse(everywhere.isOwnHost("rebind.evil.example:8000"));
        assertTrue(named.isOwnHost("devbox.lan:8000"));
        assertFalse(named.isOwnHost("192.168.1.5:8000"));
    }

    @Test
    void ownOriginsAreHttpOnTheSameHostAndPort() {
        assertTrue(loopback.isOwnOrigin("http://127.0.0.1:8000"));
        assertTrue(loopback.isOwnOrigin("http://localhost:8000"));
        assertTrue(loopback.isOwnOrigin(null), "not a browser");
        for (String o : List.of("http://127.0.0.1:8001", "https://127.0.0.1:8000", "http://evil.example:8000", "null",
                "http://127.0.0.1", "file://", "http://user@127.0.0.1:8000", "http://127.0.0.1:8000/path", "not a url")) {
            assertFalse(loopback.isOwnOrigin(o), o);
        }
    }
}
