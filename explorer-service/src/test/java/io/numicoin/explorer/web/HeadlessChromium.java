package io.numicoin.explorer.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's {@code chromium} driven through its {@code chromium-driver} (Selenium, no Selenium
 * Manager: both executables are taken from the PATH), headless, with JavaScript on or off; a desktop
 * window or a phone's viewport (375x812, mobile emulation); screenshots under
 * {@code target/screenshots/}.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriverService service;
    private final ChromeDriver driver;

    private HeadlessChromium(boolean javascript) {
        File chromedriver = executable("chromedriver").orElseThrow(() -> new IllegalStateException(
                "chromedriver is not on the PATH: install Debian's chromium and chromium-driver (.ci/run does)"));
        File chromium = executable("chromium").or(() -> executable("chromium-browser")).orElseThrow(() ->
                new IllegalStateException("chromium is not on the PATH: install Debian's chromium (.ci/run does)"));
        service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1000", "--disable-extensions", "--no-first-run", "--lang=en-US");
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        driver = new ChromeDriver(service, options);
    }

    static HeadlessChromium start() {
        return new HeadlessChromium(true);
    }

    static HeadlessChromium withoutJavaScript() {
        return new HeadlessChromium(false);
    }

    ChromeDriver driver() {
        return driver;
    }

    /**
     * Navigates to {@code url}. Chromium abandons a navigation with {@code ERR_NETWORK_CHANGED} when
     * the machine's network interfaces change under it (another program creating a bridge or a veth,
     * as container runtimes do): that navigation is tried again, up to three times. Any other error
     * page stays for the test to see.
     */
    void open(String url) {
        for (int attempt = 1; ; attempt++) {
            driver.get(url);
            if (attempt == 3 || !driver.getPageSource().contains("ERR_NETWORK_CHANGED")) {
                return;
            }
        }
    }

    /** A phone: 375x812 CSS pixels, device scale 2, mobile (the page's viewport meta applies). */
    void phone() {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 375, "height", 812, "deviceScaleFactor", 2, "mobile", true));
    }

    /** A desktop window, {@code height} CSS pixels tall (tall enough to screenshot a whole page). */
    void desktop(int height) {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        driver.manage().window().setSize(new Dimension(1280, height));
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** The page's width beyond the viewport, in CSS pixels (0: no horizontal scroll). */
    long horizontalOverflow() {
        return ((Number) script("return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                .longValue();
    }

    long viewportWidth() {
        return ((Number) script("return document.documentElement.clientWidth")).longValue();
    }

    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<File> executable(String name) {
        for (String dir : List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))) {
            File candidate = new File(dir, name);
            if (candidate.isFile() && candidate.canExecute()) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
        }
    }
}
