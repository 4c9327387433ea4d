package dev.dashgen.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dashgen.Chromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** portfolio.html, rendered here with the default theme's assets beside it, in a real browser: drawn, no console errors. */
class PortfolioBrowserIT {
    @TempDir
    static Path dir;
    static WebDriver browser;
    static Path site;

    @BeforeAll
    static void renderThePage() throws Exception {
        browser = Chromium.start(dir);
        site = Files.createDirectories(dir.resolve("site"));
        for (Map.Entry<String, byte[]> asset : Sites.theme().assets().entrySet()) {
            Path file = site.resolve(asset.getKey());
            Files.createDirectories(file.getParent());
            Files.write(file, asset.getValue());
        }
        Files.write(site.resolve("portfolio.html"), PortfolioFixture.standard().page());
    }

    @AfterAll
    static void close() {
        if (browser != null) browser.quit();
    }

    @Test
    void rendersWithNoConsoleErrors() {
        Chromium.consoleErrors(browser);
        browser.get(site.resolve("portfolio.html").toUri().toString());
        List<WebElement> parts = browser.findElements(By.cssSelector("article.spec[data-file='specifications/checkout/pay.md'] .mix-part"));
        assertEquals(4, parts.size());
        for (WebElement part : parts) {
            assertTrue(part.getSize().getWidth() > 0 && part.getSize().getHeight() > 0, "a lane's share of the bar is drawn");
        }
        assertTrue(browser.findElement(By.cssSelector("#unlinked-not_found")).isDisplayed());
        assertEquals(List.of(), Chromium.consoleErrors(browser), "console errors on portfolio.html");
    }
}
