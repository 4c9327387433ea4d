package dev.dashgen.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.http.WebSocketHandshakeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server alone, over a hand-made output folder: what it serves, what it refuses. */
class DevServerTest {
    private static final String SECRET = "top secret, outside the site";
    private static final String PAGE = "<!DOCTYPE html><html><head><title>Board</title></head><body><h1>Board</h1></body></html>";

    @TempDir
    Path dir;
    Path out;
    DevServer server;
    int port;

    @BeforeEach
    void start() throws Exception {
        out = dir.resolve("out");
        Workspaces.write(dir.resolve("secret.txt"), SECRET);
        Workspaces.write(dir.resolve("outside/index.html"), SECRET);
        Workspaces.write(out.resolve("index.html"), PAGE);
        Workspaces.write(out.resolve("404.html"), "<html><head></head><body><p>Page not found</p><a href=\"index.html\">board</a></body></html>");
        Workspaces.write(out.resolve("assets/style.css"), "body { color: red; }");
        Workspaces.write(out.resolve("assets/app.js"), "console.log(1);");
        Workspaces.write(out.resolve("data/tasks.json"), "{\"schemaVersion\":1}");
        Workspaces.write(out.resolve("lanes/index.html"), PAGE);
        Workspaces.write(out.resolve("tasks/t-1.html"), PAGE);
        Workspaces.write(out.resolve(".dashgen/manifest.json"), "{}");
        server = new DevServer("127.0.0.1", 0, () -> out, new LiveReload());
        server.start();
        port = server.port();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void printsTheLoopbackUrlWithThePortItGot() {
        assertTrue(port > 0);
        assertEquals("http://127.0.0.1:" + port + "/", server.url().toString());
    }

    @Test
    void servesTheBoardAtTheRootWithTheLiveScriptAddedButNotOnDisk() throws Exception {
        Http.Response r = Http.get(port, "/");
        assertEquals(200, r.status());
        assertEquals("text/html;charset=utf-8", r.header("content-type"));
        assertTrue(r.body().contains("<h1>Board</h1><script src=\"/_dashgen/live.js\" data-build=\"0\"></script></body>"), r.body());
        assertEquals(PAGE, Files.readString(out.resolve("index.html")));
        assertEquals(r.body(), Http.get(port, "/index.html").body());
    }

    @Test
    void givesEachFileItsContentTypeAndOnlyHtmlTheScript() throws Exception {
        Http.Response css = Http.get(port, "/assets/style.css");
        assertEquals("text/css;charset=utf-8", css.header("content-type"));
        assertEquals("body { color: red; }", css.body());
        assertEquals("text/javascript;charset=utf-8", Http.get(port, "/assets/app.js").header("content-type"));
        Http.Response json = Http.get(port, "/data/tasks.json");
        assertEquals("application/json", json.header("content-type"));
        assertEquals("{\"schemaVersion\":1}", json.body());
    }

    @Test
    void servesTheClientScriptFromTheJarNeverFromTheFolder() throws Exception {
        Http.Response r = Http.get(port, SiteHandler.LIVE_JS);
        assertEquals(200, r.status());
        assertEquals("text/javascript;charset=utf-8", r.header("content-type"));
        assertTrue(r.body().contains("/_dashgen/live"));
        assertFalse(Files.exists(out.resolve("_dashgen")));
        assertEquals(404, Http.get(port, "/_dashgen/other.js").status());
    }

    @Test
    void headGivesTheHeadersOfGetAndNoBody() throws Exception {
        Http.Response get = Http.get(port, "/assets/style.css");
        Http.Response head = Http.send(port, "HEAD", "/assets/style.css", "127.0.0.1:" + port);
        assertEquals(200, head.status());
        assertEquals(get.header("content-length"), head.header("content-length"));
        assertEquals(get.header("content-type"), head.header("content-type"));
        assertEquals("", head.body());
    }

    @Test
    void refusesEveryOtherMethodWith405() throws Exception {
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH", "OPTIONS", "PROPFIND")) {
            Http.Response r = Http.send(port, method, "/index.html", "127.0.0.1:" + port);
            assertEquals(405, r.status(), method);
            assertEquals("GET, HEAD", r.header("allow"), method);
        }
        assertEquals(PAGE, Files.readString(out.resolve("index.html")));
    }

    @Test
    void servesAFoldersIndexButNeverListsOne() throws Exception {
        assertEquals(200, Http.get(port, "/lanes/").status());
        Http.Response redirect = Http.get(port, "/lanes");
        assertEquals(301, redirect.status());
        assertTrue(redirect.header("location").endsWith("/lanes/"), redirect.header("location"));
        Http.Response tasks = Http.get(port, "/tasks/");
        assertEquals(404, tasks.status());
        assertFalse(tasks.body().contains("t-1.html"), "no listing");
        assertEquals(404, Http.get(port, "/assets").status());
    }

    @Test
    void answersAMissingPageWithTheSites404PageAndStatus404() throws Exception {
        Http.Response r = Http.get(port, "/tasks/gone.html");
        assertEquals(404, r.status());
        assertTrue(r.body().contains("Page not found"));
        assertTrue(r.body().contains("<base href=\"/\">"), "links work at any depth");
        assertTrue(r.body().contains("/_dashgen/live.js"), "reloads once the page exists");
        assertFalse(Http.get(port, "/nope.html").body().contains("<base"), "at the root relative links already work");
    }

    @Test
    void neverServesHiddenFiles() throws Exception {
        assertEquals(404, Http.get(port, "/.dashgen/manifest.json").status());
    }

    @Test
    void neverServesAnythingOutsideTheFolderWhateverTheEncoding() throws Exception {
        List<String> probes = List.of("/../secret.txt", "/..%2fsecret.txt", "/%2e%2e/secret.txt", "/%2e%2e%2fsecret.txt",
                "/.%2e/secret.txt", "/%2e./secret.txt", "/assets/..%2f..%2fsecret.txt", "/assets/%2e%2e/%2e%2e/secret.txt",
                "/%252e%252e/secret.txt", "/%252e%252e%252fsecret.txt", "/..%5csecret.txt", "/%5c..%5csecret.txt",
                "/assets/..%5c..%5csecret.txt", "/..\\secret.txt", "/..;/secret.txt", "/%2e%2e;/secret.txt",
                "/assets/../../secret.txt", "//secret.txt", "/" + dir.resolve("secret.txt"), "/%2f" + dir.resolve("secret.txt"),
                "/%c0%ae%c0%ae/secret.txt", "/%u002e%u002e/secret.txt", "/..%00/secret.txt", "/../outside/",
                "http://127.0.0.1:" + port + "/../secret.txt");
        for (String probe : probes) {
            Http.Response r = Http.get(port, probe);
            assertTrue(Set.of(400, 403, 404).contains(r.status()), probe + " gave " + r.status());
            assertFalse(r.body().contains(SECRET), probe + " leaked the file");
        }
    }

    @Test
    void neverFollowsASymlinkOutOfTheFolder() throws Exception {
        Files.createSymbolicLink(out.resolve("link.txt"), dir.resolve("secret.txt"));
        Files.createSymbolicLink(out.resolve("outside"), dir.resolve("outside"));
        Files.createSymbolicLink(out.resolve("style-link.css"), out.resolve("assets/style.css"));
        for (String probe : List.of("/link.txt", "/outside/", "/outside/index.html", "/outside")) {
            Http.Response r = Http.get(port, probe);
            assertEquals(404, r.status(), probe);
            assertFalse(r.body().contains(SECRET), probe);
        }
        assertEquals(200, Http.get(port, "/style-link.css").status(), "a link inside the folder is fine");
    }

    @Test
    void refusesRequestsForAnotherHostWith403() throws Exception {
        assertEquals(403, Http.send(port, "GET", "/", "evil.example:" + port).status());
        assertEquals(403, Http.send(port, "GET", "/", "evil.example").status());
        assertEquals(403, Http.send(port, "GET", "/", "127.0.0.1:" + (port == 1 ? 2 : port - 1)).status());
        assertEquals(403, Http.send(port, "GET", "/", "127.0.0.1.nip.io:" + port).status());
        assertEquals(200, Http.send(port, "GET", "/", "localhost:" + port).status());
        assertEquals(200, Http.send(port, "GET", "/", "127.0.0.1:" + port).status());
    }

    @Test
    void acceptsLiveReloadOnlyFromItsOwnOrigin() throws Exception {
        for (String foreign : List.of("http://evil.example:" + port, "http://127.0.0.1:" + (port + 1), "https://127.0.0.1:" + port,
                "http://localhost", "null", "file://")) {
            try (LiveClient c = LiveClient.connect(port, foreign, null)) {
                fail(foreign + " was accepted");
            } catch (ExecutionException e) {
                assertTrue(e.getCause() instanceof WebSocketHandshakeException, foreign + ": " + e.getCause());
                assertEquals(403, ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode(), foreign);
            }
        }
        try (LiveClient own = LiveClient.connect(port, "http://localhost:" + port, null)) {
            assertEquals(0, own.await("problems").path("errors").asInt());
        }
        try (LiveClient tool = LiveClient.connect(port, null, null)) {
            tool.await("problems");
        }
    }
}
