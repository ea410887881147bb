package org.mandate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Selenium for browser tests. The driver and browser binaries are
 * given explicitly so Selenium never tries to download its own. CI installs them (.ci/run); on a machine
 * without them the browser tests are skipped with a message saying so.
 */
public final class Browser implements AutoCloseable {

    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private final WebDriver driver;
    private final Path profile;
    private final int port;

    private Browser(WebDriver driver, Path profile, int port) {
        this.driver = driver;
        this.profile = profile;
        this.port = port;
    }

    public static Browser open(int port) {
        Assumptions.assumeTrue(
                Files.isExecutable(DRIVER) && Files.isExecutable(CHROMIUM),
                "Browser tests need Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
        try {
            Path profile = Files.createTempDirectory("mandate-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-quic",
                    "--no-first-run",
                    "--window-size=1280,1000",
                    "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(DRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            return new Browser(driver, profile, port);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Browser go(String path) {
        driver.get("http://localhost:" + port + path);
        return this;
    }

    public WebElement find(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    public void click(By by) {
        retry(d -> {
            WebElement e = ExpectedConditions.elementToBeClickable(by).apply(d);
            if (e == null) {
                return null;
            }
            e.click();
            return true;
        });
    }

    public void type(By by, String text) {
        retry(d -> {
            WebElement e = d.findElement(by);
            e.clear();
            e.sendKeys(text);
            return true;
        });
    }

    public String text(By by) {
        return retry(d -> d.findElement(by).getText());
    }

    /** Runs an action until it succeeds: a page that is being replaced leaves stale elements behind. */
    private <T> T retry(java.util.function.Function<WebDriver, T> action) {
        return new WebDriverWait(driver, Duration.ofSeconds(30))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(action::apply);
    }

    public String pageText() {
        return retry(d -> d.findElement(By.tagName("body")).getText());
    }

    /**
     * Waits until the page shows every text: right after a click the old page may still be there, or half
     * replaced. Fails after 30 s, naming what the page showed instead.
     */
    public void waitForText(String... parts) {
        try {
            retry(d -> {
                String text = d.findElement(By.tagName("body")).getText();
                for (String part : parts) {
                    if (!text.contains(part)) {
                        return null;
                    }
                }
                return true;
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            org.assertj.core.api.Assertions.assertThat(pageText()).contains(parts);
            throw e;
        }
    }

    public void login(String username, String password) {
        go("/login");
        type(By.id("username"), username);
        type(By.id("password"), password);
        click(By.id("login-submit"));
        find(By.id("logout"));
    }

    public WebDriver driver() {
        return driver;
    }

    /** Runs a script in the page and returns its result (for axe-core, chart checks). */
    public Object script(String js, Object... args) {
        return ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(js, args);
    }

    public Object asyncScript(String js, Object... args) {
        return ((org.openqa.selenium.JavascriptExecutor) driver).executeAsyncScript(js, args);
    }

    /**
     * Runs axe-core (WCAG 2.1 A and AA rules) on the current page and returns the serious and critical
     * violations as "rule: target" lines; empty when the page passes.
     */
    @SuppressWarnings("unchecked")
    public java.util.List<String> seriousAccessibilityViolations() {
        script(AXE.get());
        Object result = asyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                   .then(r => done(r.violations
                       .filter(v => v.impact === 'serious' || v.impact === 'critical')
                       .map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))))
                   .catch(e => done(['axe failed: ' + e]));
                """);
        return (java.util.List<String>) result;
    }

    private static final java.util.function.Supplier<String> AXE = () -> {
        try (var in = Browser.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("axe.min.js is not on the test classpath", e);
        }
    };

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A temporary profile left behind is harmless.
        }
    }
}
