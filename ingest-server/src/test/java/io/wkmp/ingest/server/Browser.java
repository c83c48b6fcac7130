package io.wkmp.ingest.server;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless Debian Chromium driven by Selenium (toolchain-notes §9), with screenshots under target/screenshots. */
final class Browser implements AutoCloseable {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;
    private final Path profile;

    Browser() {
        try {
            profile = Files.createTempDirectory("wkmp-chromium");
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--user-data-dir=" + profile,
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
                "--disable-quic",
                "--window-size=1280,1000",
                "--autoplay-policy=no-user-gesture-required");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 1000));
    }

    /**
     * Before every page's own scripts from now on, records what the page does with its connection: each text of the
     * element {@code #connection}, the EventSources it opens and its fetches of {@code /import/status}, in
     * {@code window.__wkmp} (read with {@link #recorded}).
     */
    void recordConnection() {
        beforeEveryPage("""
                        window.__wkmp = {connection: [], eventSources: 0, statusFetches: 0};
                        const NativeEventSource = window.EventSource;
                        window.EventSource = function (url, options) {
                          window.__wkmp.eventSources++;
                          return new NativeEventSource(url, options);
                        };
                        window.EventSource.prototype = NativeEventSource.prototype;
                        const nativeFetch = window.fetch;
                        window.fetch = function (input, init) {
                          if (String(input).includes("/import/status")) window.__wkmp.statusFetches++;
                          return nativeFetch.apply(this, arguments);
                        };
                        new MutationObserver(ms => {
                          for (const m of ms) {
                            const el = m.target.nodeType === 3 ? m.target.parentElement : m.target;
                            if (el && el.id === "connection") window.__wkmp.connection.push(el.textContent);
                          }
                        }).observe(document, {subtree: true, childList: true, characterData: true});
                        """);
    }

    /** Runs {@code script} in every page loaded from now on, before the page's own scripts. */
    void beforeEveryPage(String script) {
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", script));
    }

    /** A value recorded by {@link #recordConnection}: connection (a list of texts), eventSources or statusFetches. */
    Object recorded(String name) {
        return driver.executeScript("return window.__wkmp." + name + ";");
    }

    WebElement find(String id) {
        return driver.findElement(By.id(id));
    }

    String text(String id) {
        return find(id).getText();
    }

    <T> T waitUntil(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(condition);
    }

    void screenshot(String name) {
        try {
            Files.copy(
                    driver.getScreenshotAs(OutputType.FILE).toPath(),
                    SCREENSHOTS.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
