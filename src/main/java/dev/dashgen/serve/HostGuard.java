package dev.dashgen.serve;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Refuses with 403 any request whose {@code Host} header is not this server's own address (DNS rebinding). */
final class HostGuard extends Handler.Wrapper {
    private final LocalOrigin origin;

    HostGuard(LocalOrigin origin, Handler next) {
        super(next);
        this.origin = origin;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!origin.isOwnHost(request.getHeaders().get(HttpHeader.HOST))) {
            Response.writeError(request, response, callback, HttpStatus.FORBIDDEN_403,
                    "this server answers only to its own address (Host header refused)");
            return true;
        }
        return super.handle(request, response, callback);
    }
}
