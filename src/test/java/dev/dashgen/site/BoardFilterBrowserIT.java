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
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The board's and a lane page's filters in a real browser: by agent, priority and text (what a card shows, and its
 * labels), from the URL and from the form, with a count that says how many of the shown cards match.
 */
class BoardFilterBrowserIT {
    @TempDir
    static Path dir;
    static WebDriver browser;
    static Path site;

    private static String task(String id, String title, String priority, String tags) {
        return "id: " + id + "\ntitle: " + title + "\npriority: " + priority + (tags.isEmpty() ? "" : "\ntags: [" + tags + "]") + "\n";
    }

    @BeforeAll
    static void buildTheSite() throws Exception {
        browser = Chromium.start(dir);
        site = Files.createDirectories(dir.resolve("site"));
        Map<String, String> files = Sites.files(
                "inbox/a.yaml", task("a", "Write the parser", "high", "compiler"),
                "inbox/b.yaml", task("b", "Fix the login page", "low", "web, security"),
                "inbox/c.yaml", task("c", "Document the parser", "high", ""),
                "inbox/d.yaml", task("d", "Rotate credentials", "critical", "security"),
                "assigned/bob/e.yaml", task("e", "Review the parser", "normal", "compiler"),
                "assigned/ann/f.yaml", task("f", "Ship the web page", "high", "web"));
        // One lane past the limit: the board shows four of its five cards.
        for (int i = 1; i <= 5; i++) files.put("fridge/idea-" + i + ".yaml", task("idea-" + i, "Idea " + i, "low", ""));
        Site built = Sites.build(Sites.config("board:", "  cards_per_lane: 4"), files);
        for (Map.Entry<String, byte[]> file : built.files().entrySet()) {
            Path p = site.resolve(file.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, file.getValue());
        }
    }

    @AfterAll
    static void close() {
        if (browser != null) browser.quit();
    }

    private static List<String> shown() {
        return browser.findElements(By.cssSelector("[data-filter-item]")).stream().filter(WebElement::isDisplayed)
                .map(e -> e.getAttribute("id")).sorted().toList();
    }

    private static String count() {
        return browser.findElement(By.id("filter-count")).getText();
    }

    private void open(String page, String query) {
        browser.get(site.resolve(page).toUri() + query);
    }

    @Test
    void theTextFilterLooksAtWhatACardShowsAndItsLabels() {
        Chromium.consoleErrors(browser);
        open("index.html", "?q=parser");
        assertEquals(List.of("card-a", "card-c", "card-e"), shown(), "titles");
        assertEquals("3 of 10 cards", count());
        open("index.html", "?q=security");
        assertEquals(List.of("card-b", "card-d"), shown(), "labels, which cards do not show");
        open("index.html", "?q=%40bob");
        assertEquals(List.of("card-e"), shown(), "the agent as the card shows it");
        assertEquals(List.of(), Chromium.consoleErrors(browser));
    }

    @Test
    void agentAndPriorityFiltersComeFromTheUrl() {
        open("index.html", "?priority=high");
        assertEquals(List.of("card-a", "card-c", "card-f"), shown());
        open("index.html", "?agent=ann&priority=high");
        assertEquals(List.of("card-f"), shown());
        assertEquals("1 of 10 cards", count());
    }

    @Test
    void typingFiltersAndPutsTheFilterInTheUrl() {
        open("index.html", "");
        assertEquals("", count(), "no filter, no count");
        browser.findElement(By.id("filter-text")).sendKeys("web");
        new WebDriverWait(browser, java.time.Duration.ofSeconds(10)).until(b -> b.getCurrentUrl().endsWith("?q=web"));
        assertEquals(List.of("card-b", "card-f"), shown());
    }

    @Test
    void aLaneBeyondItsLimitSaysTheFiltersApplyToTheShownCards() {
        open("index.html", "");
        assertTrue(browser.findElement(By.id("filter-scope")).getText().contains("cards shown here"));
        open("lanes/inbox.html", "?q=security&priority=critical");
        List<WebElement> rows = browser.findElements(By.cssSelector("tr[data-filter-item]"));
        assertEquals(4, rows.size(), "the lane page lists every task of the lane");
        assertEquals(List.of("Rotate credentials"), rows.stream().filter(WebElement::isDisplayed).map(r -> r.findElement(By.tagName("a")).getText()).toList());
        assertEquals("1 of 4 rows", count());
    }
}
