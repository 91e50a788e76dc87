package dev.breakdown.chatweb.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver; nothing is downloaded. Where they are absent the
 * browser tests skip with a message, unless BREAKDOWN_BROWSER_TESTS=required (CI installs both and sets it).
 */
public final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    public static Browser start() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String message = "Browser tests need Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)";
        if ("required".equalsIgnoreCase(System.getenv("BREAKDOWN_BROWSER_TESTS"))) {
            Assertions.assertTrue(present, message + "; BREAKDOWN_BROWSER_TESTS=required");
        } else {
            Assumptions.assumeTrue(present, message + "; skipped");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options));
    }

    public ChromeDriver driver() {
        return driver;
    }

    public Browser open(String url) {
        driver.get(url);
        return this;
    }

    public Object script(String javascript, Object... args) {
        return driver.executeScript(javascript, args);
    }

    public <T> T await(Duration timeout, Function<WebDriver, T> condition) {
        // The live views replace rows as outcomes arrive: an element found a moment ago may be gone; look again.
        return new WebDriverWait(driver, timeout, Duration.ofMillis(50))
                .ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** Saves a screenshot of the page at the given viewport size under target/screenshots. */
    public Path screenshot(String name, int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        // The outer window includes no chrome in headless mode, but let layout settle after the resize.
        await(Duration.ofSeconds(2), d -> driver.executeScript("return document.readyState").equals("complete"));
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + "-" + width + "x" + height + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
