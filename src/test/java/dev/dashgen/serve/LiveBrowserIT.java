package dev.dashgen.serve;

import dev.dashgen.engine.Project;
import static dev.dashgen.serve.Workspaces.task;
import static dev.dashgen.serve.Workspaces.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** {@code serve} in headless Chromium: what a person with the board open sees while files change. */
class LiveBrowserIT {
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path profile;
    static WebDriver browser;

    @TempDir
    Path dir;

    @BeforeAll
    static void openBrowser() {
        assumeTrue(new File(CHROMEDRIVER).canExecute() && new File(CHROMIUM).canExecute(),
                "browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER + ")");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                "--user-data-dir=" + profile.resolve("chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) browser.quit();
    }

    private Preview start(Project setup) throws IOException {
        return start(setup, 0);
    }

    private Preview start(Project setup, int port) throws IOException {
        return Preview.start(() -> setup, null, Preview.Options.of("127.0.0.1", port), PreviewTest.QUIET);
    }

    /** Opens {@code page} and waits until its live-reload socket is up. */
    private void open(Preview p, String page) {
        browser.get(p.url() + page);
        waitUntil(d -> Boolean.TRUE.equals(js("return !!(window.__dashgenLive && window.__dashgenLive.connected && window.__dashgenLive.build)")));
        js("window.__marker = 'not reloaded'");
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private boolean reloaded() {
        return !"not reloaded".equals(js("return window.__marker"));
    }

    private void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, WAIT).until(condition::apply);
    }

    @Test
    void editingATitleUpdatesTheOpenBoardWithoutAManualReload() throws Exception {
        Path work = Workspaces.small(dir);
        try (Preview p = start(Workspaces.project(dir))) {
            open(p, "");
            assertEquals("Write the parser", browser.findElement(By.cssSelector("#card-t-1 .card-title")).getText());
            write(work.resolve("inbox/t-1.yaml"), task("t-1", "Write the lexer", "new", "high"));
            new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBe(By.cssSelector("#card-t-1 .card-title"), "Write the lexer"));
        }
    }

    @Test
    void aPageThatDidNotChangeIsNotReloaded() throws Exception {
        Path work = Workspaces.small(dir);
        try (Preview p = start(Workspaces.project(dir))) {
            open(p, "tasks/t-2.html");
            long before = ((Number) js("return window.__dashgenLive.build.build")).longValue();
            write(work.resolve("inbox/t-1.yaml"), task("t-1", "Elsewhere", "new", "high"));
            waitUntil(d -> ((Number) js("return window.__dashgenLive.build.build")).longValue() > before);
            assertTrue(!reloaded(), "tasks/t-2.html did not change, so it stays as it is");
        }
    }

    @Test
    void aStylesheetEditAppliesWithoutAReload() throws Exception {
        Workspaces.small(dir);
        Path css = dir.resolve("theme/site/assets/style.css");
        String bundled = new String(LiveBrowserIT.class.getClassLoader().getResourceAsStream("dashgen/theme/site/assets/style.css").readAllBytes());
        write(css, bundled);
        Workspaces.theme(dir, null, "theme/site");
        try (Preview p = start(Workspaces.project(dir))) {
            open(p, "");
            write(css, bundled + "\nbody { background: rgb(1, 2, 3) !important; }\n");
            waitUntil(d -> "rgb(1, 2, 3)".equals(js("return getComputedStyle(document.body).backgroundColor")));
            assertTrue(!reloaded(), "the stylesheet was swapped in place");
        }
    }

    @Test
    void aBrokenFileShowsTheOverlayAndFixingItClearsIt() throws Exception {
        Path work = Workspaces.small(dir);
        try (Preview p = start(Workspaces.project(dir))) {
            open(p, "");
            write(work.resolve("inbox/t-1.yaml"), "id: t-1\ntitle: [unclosed\n");
            new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("dashgen-overlay"), "inbox/t-1.yaml:"));
            write(work.resolve("inbox/t-1.yaml"), task("t-1", "Fixed", "new", "high"));
            new WebDriverWait(browser, WAIT).until(ExpectedConditions.invisibilityOfElementLocated(By.id("dashgen-overlay")));
        }
    }

    @Test
    void theBoardShowsTaskMovesAsTheyHappen() throws Exception {
        Path work = Workspaces.small(dir);
        try (Preview p = start(Workspaces.project(dir))) {
            open(p, "");
            Files.move(work.resolve("inbox/t-1.yaml"), work.resolve("assigned/alice/t-1.yaml"));
            new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("#dashgen-activity .dashgen-move[data-id='t-1']"), "Inbox → Assigned"));
            assertTrue(browser.findElements(By.cssSelector("#lane-assigned #card-t-1")).size() == 1);
        }
    }

    @Test
    void thePageReloadsOnceARestartedServerIsBack() throws Exception {
        Workspaces.small(dir);
        Preview first = start(Workspaces.project(dir));
        int port = first.port();
        try {
            open(first, "");
        } finally {
            first.close();
        }
        waitUntil(d -> Boolean.FALSE.equals(js("return window.__dashgenLive.connected")));
        try (Preview second = start(Workspaces.project(dir), port)) {
            waitUntil(d -> reloaded());
            assertEquals(second.live().server(), js("return window.__dashgenLive.build && window.__dashgenLive.build.server"));
        }
    }
}
