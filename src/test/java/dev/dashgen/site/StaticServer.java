package dev.dashgen.site;

import java.nio.file.Path;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.resource.ResourceFactory;

/** A folder served as it is by plain Jetty on a free loopback port, as any static host would: for browser tests over HTTP. */
final class StaticServer implements AutoCloseable {
    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);

    StaticServer(Path folder) throws Exception {
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ResourceHandler files = new ResourceHandler();
        files.setBaseResource(ResourceFactory.of(server).newResource(folder));
        server.setHandler(files);
        server.start();
    }

    /** The address of {@code path} (relative to the folder). */
    String url(String path) {
        return "http://127.0.0.1:" + connector.getLocalPort() + "/" + path;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
