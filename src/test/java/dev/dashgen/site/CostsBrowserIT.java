package dev.dashgen.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dashgen.Chromium;
import dev.dashgen.cli.Dashgen;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** costs.html in a real browser: every chart is drawn (a canvas with ink on it), with no console errors. */
class CostsBrowserIT {
    @TempDir
    static Path dir;
    static WebDriver browser;
    static Path site;

    @BeforeAll
    static void buildDemoSite() {
        browser = Chromium.start(dir);
        Path demo = dir.resolve("demo");
        site = dir.resolve("site");
        run("demo", "--out", demo.toString(), "--tasks", "80", "--invocations", "3000", "--seed", "3", "--now", "2026-11-24T12:00:00Z");
        run("build", "-c", demo.resolve("dashgen.yaml").toString(), "-o", site.toString(), "--now", "2026-11-24T12:00:00Z");
    }

    private static void run(String... args) {
        StringWriter out = new StringWriter();
        int code = Dashgen.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(out)).execute(args);
        assertEquals(0, code, out::toString);
    }

    @AfterAll
    static void close() {
        if (browser != null) browser.quit();
    }

    @Test
    void chartsDrawFromFileUrls() {
        assertChartsDrawn(site.resolve("costs.html").toUri().toString());
    }

    @Test
    void chartsDrawOverHttp() throws Exception {
        try (StaticServer server = new StaticServer(site)) {
            assertChartsDrawn(server.url("costs.html"));
        }
    }

    @Test
    void agentPageDrawsItsDailyCost() {
        browser.get(site.resolve("agents.html").toUri().toString());
        // The last agent in the table: the first may be "(none)", invocations without an agent, with no daily series.
        List<WebElement> links = browser.findElements(By.cssSelector("#agents-table a"));
        String href = links.get(links.size() - 1).getAttribute("href");
        assertChartsDrawn(href);
    }

    private void assertChartsDrawn(String url) {
        Chromium.consoleErrors(browser);
        browser.get(url);
        List<WebElement> charts = browser.findElements(By.cssSelector("[data-chart]"));
        assertTrue(charts.size() >= 1, "the page has charts");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> charts.stream()
                .allMatch(c -> !c.findElements(By.tagName("canvas")).isEmpty()));
        for (WebElement chart : charts) {
            Object inked = ((JavascriptExecutor) browser).executeScript(
                    "var c = arguments[0].querySelector('canvas'); var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                            + " var n = 0; for (var i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n;", chart);
            assertTrue(((Number) inked).longValue() > 500, "chart " + chart.getAttribute("data-chart") + " is drawn, not blank");
        }
        assertEquals(List.of(), Chromium.consoleErrors(browser), "console errors on " + url);
    }
}
