package dev.dashgen.serve;

import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * The Jetty 12 server of {@code dashgen serve}: one connector bound to {@code host:port} (port 0 = any
 * free port), and the handlers {@link HostGuard} → WebSocket upgrade at {@value #LIVE_PATH} (same-origin
 * only) → {@link SiteHandler}.
 */
public final class DevServer implements AutoCloseable {
    public static final String LIVE_PATH = "/_dashgen/live";

    private final Server server;
    private final ServerConnector connector;
    private final String host;
    private final LiveReload live;

    public DevServer(String host, int port, Supplier<Path> out, LiveReload live) {
        this.host = host;
        this.live = live;
        QueuedThreadPool threads = new QueuedThreadPool(32, 2);
        threads.setName("dashgen-http");
        threads.setDaemon(true);
        server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);

        LocalOrigin origin = new LocalOrigin(host, connector::getLocalPort);
        WebSocketUpgradeHandler ws = WebSocketUpgradeHandler.from(server, container -> {
            container.setIdleTimeout(Duration.ofDays(1));
            container.addMapping(LIVE_PATH, (request, response, callback) -> {
                if (!origin.isOwnOrigin(request.getHeaders().get(HttpHeader.ORIGIN))) {
                    Response.writeError(request, response, callback, HttpStatus.FORBIDDEN_403, "foreign Origin refused");
                    return null;
                }
                var query = Request.extractQueryParameters(request);
                return live.endpoint(number(query.getValue("build")), query.getValue("page"));
            });
        });
        ws.setHandler(new SiteHandler(out, live));
        server.setHandler(new HostGuard(origin, ws));
    }

    /** Binds and starts; a port already in use is a {@link BindException}. */
    public void start() throws IOException {
        try {
            server.start();
        } catch (IOException e) {
            stopQuietly();
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof BindException) throw (BindException) t;
            }
            throw e;
        } catch (Exception e) {
            stopQuietly();
            throw new IOException("the server did not start: " + e.getMessage(), e);
        }
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** The address to open: {@code http://127.0.0.1:PORT/}, or the {@code --host} given when it is a specific one. */
    public URI url() {
        String h = switch (host) {
            case "0.0.0.0", "::", "", "127.0.0.1", "localhost" -> "127.0.0.1";
            default -> host.contains(":") ? "[" + host + "]" : host;
        };
        return URI.create("http://" + h + ":" + port() + "/");
    }

    @Override
    public void close() {
        live.closeAll();
        stopQuietly();
    }

    private void stopQuietly() {
        try {
            server.stop();
        } catch (Exception e) {
            // stopping anyway
        }
    }

    private static long number(String s) {
        try {
            return s == null ? -1 : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
