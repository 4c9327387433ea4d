package dev.dashgen;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Chromium from Debian's packages for the browser tests. When it is not installed the
 * tests are skipped with a visible reason (never at random); .ci/run installs it.
 */
public final class Chromium {
    public static final String DRIVER = "/usr/bin/chromedriver";
    public static final String BROWSER = "/usr/bin/chromium";

    private Chromium() {}

    /** Starts a browser with its own profile under {@code profileDir}, collecting console messages. */
    public static WebDriver start(Path profileDir) {
        assumeTrue(new File(DRIVER).canExecute() && new File(BROWSER).canExecute(),
                "browser tests need Debian's chromium and chromium-driver (" + BROWSER + ", " + DRIVER + "); .ci/run installs them");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                "--allow-file-access-from-files", "--window-size=1280,1000",
                "--user-data-dir=" + profileDir.resolve("chromium"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).build();
        return new ChromeDriver(service, options);
    }

    /** Console errors since the last call (severe entries of the browser log). */
    public static List<String> consoleErrors(WebDriver browser) {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }
}
