package dev.dashgen.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dashgen.Chromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** flow.html in a real browser: every chart is drawn (a canvas with ink on it), with no console errors, from file:// and over HTTP. */
class FlowBrowserIT {
    @TempDir
    static Path dir;
    static WebDriver browser;
    static Path site;

    @BeforeAll
    static void renderPage() throws Exception {
        browser = Chromium.start(dir);
        site = dir.resolve("site");
        Theme theme = Theme.load(null, null);
        for (Map.Entry<String, byte[]> asset : theme.assets().entrySet()) {
            Path p = site.resolve(asset.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, asset.getValue());
        }
        Files.write(site.resolve("flow.html"), FlowPage.render(theme, FlowSample.META, FlowSample.report()));
    }

    @AfterAll
    static void close() {
        if (browser != null) browser.quit();
    }

    @Test
    void chartsDrawFromFileUrls() {
        assertChartsDrawn(site.resolve("flow.html").toUri().toString());
    }

    @Test
    void chartsDrawOverHttp() throws Exception {
        try (StaticServer server = new StaticServer(site)) {
            assertChartsDrawn(server.url("flow.html"));
        }
    }

    private void assertChartsDrawn(String url) {
        Chromium.consoleErrors(browser);
        browser.get(url);
        List<WebElement> charts = browser.findElements(By.cssSelector("[data-chart]"));
        assertEquals(7, charts.size(), "cycle, throughput, cfd, aging, wip, forecast, howMany");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> charts.stream()
                .allMatch(c -> !c.findElements(By.tagName("canvas")).isEmpty()));
        for (WebElement chart : charts) {
            Object inked = ((JavascriptExecutor) browser).executeScript(
                    "var c = arguments[0].querySelector('canvas'); var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                            + " var n = 0; for (var i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n;", chart);
            assertTrue(((Number) inked).longValue() > 500, "chart " + chart.getAttribute("data-chart") + " is drawn, not blank");
            Object open = ((JavascriptExecutor) browser).executeScript("return arguments[0].nextElementSibling.open;", chart);
            assertEquals(Boolean.FALSE, open, "the table under a drawn chart folds away");
        }
        assertEquals(List.of(), Chromium.consoleErrors(browser), "console errors on " + url);
    }
}
