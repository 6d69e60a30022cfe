package fr.dataterritoires.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import fr.dataterritoires.platform.security.Role;

/**
 * Debian's Chromium, headless, driven by Debian's ChromeDriver (never a downloaded browser): a fresh profile per
 * browser, no background networking (this machine's network is closed). Missing Chromium fails the tests, it does
 * not skip them: {@code .ci/run} installs it.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("dataterritoires.test.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("dataterritoires.test.chromedriver",
            "/usr/bin/chromedriver"));

    private final ChromeDriver driver;
    private final Path profile;
    private final int port;

    private Browser(ChromeDriver driver, Path profile, int port) {
        this.driver = driver;
        this.profile = profile;
        this.port = port;
    }

    /**
     * @param port the portal's, on 127.0.0.1
     * @param javascript false: the page's scripts never run (progressive enhancement checks)
     */
    static Browser start(int port, boolean javascript) {
        assertThat(CHROMIUM).as("Debian's Chromium (apt-get install chromium chromium-driver; .ci/run does it)")
                .isExecutable();
        assertThat(CHROMEDRIVER).as("Debian's ChromeDriver (apt-get install chromium-driver)").isExecutable();
        try {
            Path profile = Files.createTempDirectory("dt-portal-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--lang=fr-FR", "--window-size=1280,1400",
                    "--user-data-dir=" + profile);
            if (!javascript) {
                options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
            }
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
            return new Browser(driver, profile, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    /** The portal's address of {@code path}. */
    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Opens {@code path} and adds its serious and critical accessibility violations to {@code violations}. */
    void visit(String path, List<String> violations) {
        driver.get(url(path));
        check(violations);
    }

    /**
     * On the sign-in page the portal sent the browser to: the development issuer, then the demo user of {@code role}.
     * Both pages are checked by axe-core.
     */
    void signIn(Role role, List<String> violations) {
        assertThat(driver.getCurrentUrl()).endsWith("/connexion");
        check(violations);
        clickAndWait(org.openqa.selenium.By.id("connexion-developpement"));
        check(violations);
        driver.findElement(org.openqa.selenium.By.cssSelector("label[for=role-" + role.name() + "]")).click();
        clickAndWait(org.openqa.selenium.By.id("connexion-demo"));
    }

    /**
     * An element's text as read aloud: its text content with white space collapsed, the no-break spaces of French
     * numbers ("80 000,00 €") included.
     */
    String text(org.openqa.selenium.By element) {
        return driver.findElement(element).getDomProperty("textContent").replaceAll("[\\s\\h]+", " ").strip();
    }

    /** A date field's value, as its picker would set it. */
    void setValue(String id, String value) {
        driver.executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, value);
    }

    /** Chooses the option with {@code value} in the list {@code id}. */
    void select(String id, String value) {
        new org.openqa.selenium.support.ui.Select(driver.findElement(org.openqa.selenium.By.id(id))).selectByValue(value);
    }

    /** Opens {@code path} as the demo user of {@code role}, signing in if the portal asks, and lands on it. */
    void openSignedIn(String path, Role role, List<String> violations) {
        driver.get(url(path));
        if (driver.getCurrentUrl().endsWith("/connexion")) {
            signIn(role, violations);
        }
        // Spring Security marks the saved request it resumes with "?continue"
        assertThat(java.net.URI.create(driver.getCurrentUrl()).getPath()).isEqualTo(path);
    }

    /** Clicks what submits a form or follows a link, and waits until the next page has replaced this one. */
    void clickAndWait(org.openqa.selenium.By target) {
        org.openqa.selenium.WebElement page = driver.findElement(org.openqa.selenium.By.tagName("html"));
        driver.findElement(target).click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> isGone(page));
    }

    /**
     * Whether {@code element}'s page was replaced. Chromium answers a stale reference, or, when asked while the old
     * document is being torn down, an inspector error saying the node no longer belongs to the document (seen in CI);
     * both mean the same.
     */
    private static boolean isGone(org.openqa.selenium.WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /**
     * Runs axe-core (from npm, see the pom) on the current page and returns its serious and critical violations,
     * one line each (rule, impact, the first offending elements).
     */
    List<String> seriousAccessibilityViolations() {
        String axe;
        try (InputStream in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
            assertThat(in).as("axe.min.js from the axe-core npm package").isNotNull();
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        driver.executeScript(axe);
        Object result = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                  .then(r => done(r.violations
                      .filter(v => v.impact === 'serious' || v.impact === 'critical')
                      .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' — '
                          + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))))
                  .catch(e => done(['axe failed: ' + e]));
                """);
        // anything but a list means axe did not run: never read that as "no violation"
        assertThat(result).as("axe-core's answer on " + driver.getCurrentUrl()).isInstanceOf(List.class);
        List<String> violations = new ArrayList<>();
        ((List<?>) result).forEach(v -> violations.add(String.valueOf(v)));
        return violations;
    }

    /** Adds the current page's serious and critical violations to {@code found}, each with the page's address. */
    void check(List<String> found) {
        String page = driver.getCurrentUrl();
        seriousAccessibilityViolations().forEach(v -> found.add(page + " — " + v));
    }

    /** Keeps a picture of the page in target/screenshots; `make screenshots` refreshes docs/screenshots (the README shows them). */
    void screenshot(String name) {
        String dir = System.getProperty("dataterritoires.test.screenshots");
        Path target = dir == null ? Path.of("target", "screenshots") : Path.of(dir);
        try {
            Files.createDirectories(target);
            Path png = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(png, target.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
