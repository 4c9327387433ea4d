package dev.dashgen.serve;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A live-reload client on the JDK's WebSocket: every message it hears, in order, waited on with deadlines. */
final class LiveClient implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BlockingQueue<JsonNode> incoming;
    private final List<JsonNode> heard = new ArrayList<>();
    private final WebSocket socket;

    private LiveClient(BlockingQueue<JsonNode> incoming, WebSocket socket) {
        this.incoming = incoming;
        this.socket = socket;
    }

    /** Connects to {@code /_dashgen/live?query}, sending {@code origin} as the Origin header unless null. */
    static LiveClient connect(int port, String origin, String query) throws Exception {
        BlockingQueue<JsonNode> incoming = new LinkedBlockingQueue<>();
        WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(WAIT);
        if (origin != null) b.header("Origin", origin);
        URI uri = URI.create("ws://127.0.0.1:" + port + DevServer.LIVE_PATH + (query == null ? "" : "?" + query));
        WebSocket ws = b.buildAsync(uri, new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    try {
                        incoming.add(JSON.readTree(text.toString()));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    text.setLength(0);
                }
                w.request(1);
                return null;
            }
        }).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return new LiveClient(incoming, ws);
    }

    static LiveClient connect(int port) throws Exception {
        return connect(port, "http://127.0.0.1:" + port, null);
    }

    /** The next message of {@code type} matching {@code p}; those passed over stay in {@link #heard()}. Fails after {@link #WAIT}. */
    JsonNode await(String type, Predicate<JsonNode> p) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            JsonNode m = incoming.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (m == null) fail("no matching " + type + " message within " + WAIT + "; heard " + heard);
            heard.add(m);
            if (type.equals(m.path("type").asText()) && p.test(m)) return m;
        }
    }

    JsonNode await(String type) throws InterruptedException {
        return await(type, m -> true);
    }

    /** Every message taken so far, in order. */
    List<JsonNode> heard() {
        return heard;
    }

    @Override
    public void close() {
        socket.abort();
    }

    static boolean lists(JsonNode message, String field, String value) {
        for (JsonNode n : message.path(field)) {
            if (n.asText().equals(value)) return true;
        }
        return false;
    }
}
