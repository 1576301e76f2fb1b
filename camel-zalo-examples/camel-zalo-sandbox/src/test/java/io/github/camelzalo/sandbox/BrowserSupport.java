package io.github.camelzalo.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real, headless Chromium for the inbox's browser tests: Debian's {@code chromium} and {@code chromium-driver}
 * (other paths through {@code CHROMIUM} and {@code CHROMEDRIVER}). Without them the tests are skipped, saying how to
 * get them; under {@code CI=true} they fail instead, since CI installs them.
 */
public final class BrowserSupport {

    public static final String HOW_TO_ENABLE = "The browser tests need Chromium and its driver: apt-get install -y"
                                               + " chromium chromium-driver (or set CHROMIUM and CHROMEDRIVER to"
                                               + " their paths)";

    private BrowserSupport() {
    }

    /** A started browser, or the test is skipped (failed under CI) when there is none. */
    public static ChromeDriver chromium(int width, int height) {
        Path browser = Path.of(env("CHROMIUM", "/usr/bin/chromium"));
        Path driver = Path.of(env("CHROMEDRIVER", "/usr/bin/chromedriver"));
        boolean present = Files.isExecutable(browser) && Files.isExecutable(driver);
        if (!present) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail("CI=true, but " + browser + " or " + driver + " is missing. " + HOW_TO_ENABLE);
            }
            Assumptions.abort(HOW_TO_ENABLE);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.toFile());
        // headless and closed to the network, as this machine's network is: Chromium otherwise keeps trying
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
                .usingAnyFreePort().build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().window().setSize(new Dimension(width, height));
        chrome.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        return chrome;
    }

    /**
     * Clicks what {@code by} finds, finding it again when the page redrew it in between (the inbox redraws its lists
     * as it polls the sandbox), for up to 10 s.
     */
    public static void click(WebDriver browser, By by) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(b -> {
                    b.findElement(by).click();
                    return true;
                });
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
