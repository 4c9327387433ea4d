package dev.dashgen.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Serves the output folder: GET and HEAD only, {@code index.html} for a folder, never a listing, never
 * a hidden file (such as {@code .dashgen/}), nothing whose real path (symlinks resolved) is outside the
 * folder; a missing file gets the site's {@code 404.html}. HTML responses get the live-reload script
 * before {@code </body>}, stamped with the build they were served from; the files on disk never hold it.
 */
final class SiteHandler extends Handler.Abstract {
    static final String LIVE_JS = "/_dashgen/live.js";
    private static final String RESOURCE = "dashgen/live/live.js";
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html;charset=utf-8"), Map.entry("css", "text/css;charset=utf-8"),
            Map.entry("js", "text/javascript;charset=utf-8"), Map.entry("mjs", "text/javascript;charset=utf-8"),
            Map.entry("json", "application/json"), Map.entry("map", "application/json"),
            Map.entry("csv", "text/csv;charset=utf-8"), Map.entry("txt", "text/plain;charset=utf-8"),
            Map.entry("md", "text/markdown;charset=utf-8"), Map.entry("xml", "application/xml"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"),
            Map.entry("ico", "image/x-icon"), Map.entry("woff", "font/woff"), Map.entry("woff2", "font/woff2"));

    private final Supplier<Path> out;
    private final LiveReload live;
    private final byte[] script;

    SiteHandler(Supplier<Path> out, LiveReload live) {
        this.out = out;
        this.live = live;
        this.script = resource(RESOURCE);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws IOException {
        String method = request.getMethod();
        boolean head = HttpMethod.HEAD.is(method);
        if (!head && !HttpMethod.GET.is(method)) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
            Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405);
            return true;
        }
        String path = Request.getPathInContext(request);
        if (path.equals(LIVE_JS)) {
            send(response, callback, HttpStatus.OK_200, TYPES.get("js"), script, head);
            return true;
        }
        Path root = out.get().toRealPath();
        Path file = resolve(root, path);
        if (file != null && Files.isDirectory(file)) {
            if (!path.endsWith("/")) {
                if (servable(root, file.resolve("index.html"))) {
                    String query = request.getHttpURI().getQuery();
                    Response.sendRedirect(request, response, callback, HttpStatus.MOVED_PERMANENTLY_301,
                            request.getHttpURI().getPath() + "/" + (query == null ? "" : "?" + query), true);
                    return true;
                }
                file = null;
            } else {
                file = file.resolve("index.html");
            }
        }
        long build = live.generation(); // read before the file: a page is never newer than its stamp says
        byte[] bytes = file == null ? null : read(root, file);
        if (bytes != null) {
            String type = type(file.getFileName().toString());
            send(response, callback, HttpStatus.OK_200, type, type.startsWith("text/html") ? inject(bytes, build, false) : bytes, head);
            return true;
        }
        byte[] notFound = read(root, root.resolve("404.html"));
        if (notFound == null) {
            Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
        } else {
            boolean deep = path.indexOf('/', 1) >= 0;
            send(response, callback, HttpStatus.NOT_FOUND_404, TYPES.get("html"), inject(notFound, build, deep), head);
        }
        return true;
    }

    /**
     * The file a request path names inside {@code root}, or null when it may not be served: not
     * absolute, a backslash or NUL, a hidden or {@code _dashgen} segment, or outside the folder.
     * Jetty has already decoded the path and refused ambiguous ones ({@code %2e%2e}, {@code %2f}).
     */
    static Path resolve(Path root, String path) {
        if (path == null || !path.startsWith("/") || path.indexOf('\\') >= 0 || path.indexOf('\0') >= 0) return null;
        for (String segment : path.substring(1).split("/")) {
            if (segment.startsWith(".") || segment.equals("_dashgen")) return null;
        }
        Path file = root.resolve(path.substring(1)).normalize();
        return file.startsWith(root) ? file : null;
    }

    /** A regular file whose real path (symlinks resolved) is inside {@code root}. */
    private static boolean servable(Path root, Path file) throws IOException {
        try {
            return Files.isRegularFile(file) && file.toRealPath().startsWith(root);
        } catch (NoSuchFileException e) {
            return false; // removed by a rebuild meanwhile
        }
    }

    /** The bytes of a {@link #servable} file, else null. */
    private static byte[] read(Path root, Path file) throws IOException {
        try {
            return servable(root, file) ? Files.readAllBytes(file) : null;
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** Adds the live-reload script before the last {@code </body>} (or at the end), and {@code <base href="/">} when asked. */
    private static byte[] inject(byte[] html, long build, boolean base) {
        String page = new String(html, StandardCharsets.UTF_8);
        String lower = page.toLowerCase(Locale.ROOT);
        String tag = "<script src=\"" + LIVE_JS + "\" data-build=\"" + build + "\"></script>";
        int body = lower.lastIndexOf("</body>");
        StringBuilder b = new StringBuilder(page.length() + 96).append(page);
        b.insert(body < 0 ? b.length() : body, tag);
        int headStart = lower.indexOf("<head");
        int headEnd = headStart < 0 ? -1 : lower.indexOf('>', headStart);
        if (base && headEnd >= 0 && !lower.contains("<base")) b.insert(headEnd + 1, "<base href=\"/\">");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String type(String name) {
        String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        String type = TYPES.get(ext);
        if (type != null) return type;
        type = MimeTypes.DEFAULTS.getMimeByExtension(name);
        return type == null ? "application/octet-stream" : type;
    }

    private static void send(Response response, Callback callback, int status, String type, byte[] bytes, boolean head) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, Long.toString(bytes.length));
        response.write(true, head ? null : ByteBuffer.wrap(bytes), callback);
    }

    private static byte[] resource(String name) {
        try (InputStream in = SiteHandler.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " is missing from the jar");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
