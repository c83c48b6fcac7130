package io.wkmp.ingest.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The import wizard in headless Chromium: what comes first, the Advanced parameters, the folder chooser, offline. */
class WizardBrowserTest extends ServerBrowserTest {
    WizardBrowserTest() {
        super(20);
    }

    private static final List<String> SINGLE_WEIGHTS = List.of(
            "confidence_single_weight_metadata",
            "confidence_single_weight_fingerprint",
            "confidence_single_weight_duration");

    @Test
    void theCommonChoicesComeFirstAndTheParametersWaitInGroupsBehindAdvanced() {
        f.library("music", 1);
        open();
        WebElement startButton = b.find("start");
        assertThat(startButton.getRect().getY())
                .isLessThan(b.find("advanced").getRect().getY());
        assertThat(startButton.getRect().getY())
                .as("Start within the first screen")
                .isLessThan(1000);
        assertThat(b.find("param-silence_threshold_dbfs").isDisplayed()).isFalse();
        Number height = (Number) b.driver.executeScript("return document.documentElement.scrollHeight;");
        assertThat(height.intValue()).as("page height with Advanced closed").isLessThan(1300);
        b.screenshot("wizard");

        advanced();
        assertThat(b.find("param-silence_threshold_dbfs").isDisplayed()).isTrue();
        assertThat(b.driver.findElements(By.cssSelector("#groups fieldset legend")))
                .extracting(WebElement::getText)
                .startsWith("Finding passages", "Lead-in, lead-out and fades")
                .contains("Confidence: files with one passage", "Online services");
        assertThat(b.driver
                        .findElement(By.cssSelector("label[for='param-silence_threshold_dbfs']"))
                        .getText())
                .isEqualTo("Silence level");
        assertThat(b.driver.findElements(By.cssSelector("#groups label")))
                .extracting(WebElement::getText)
                .noneMatch(t -> t.matches("[a-z_]+"));
        b.screenshot("wizard-advanced");
    }

    @Test
    void weightsThatMustSumToOneAreCheckedWhenTheirGroupIsDone() {
        open();
        advanced();
        type("param-" + SINGLE_WEIGHTS.get(0), "0.4");
        waitChecked(1);
        assertThat(b.text("group-msg-single_files"))
                .as("no error while the group is being edited")
                .isEmpty();
        assertThat(invalidInputs()).isEmpty();
        type("param-" + SINGLE_WEIGHTS.get(1), "0.5");
        waitChecked(2);
        assertThat(b.text("group-msg-single_files")).isEmpty();

        // 0.4 + 0.5 + 0.2, and on to the thresholds of the same group: still no error
        type("param-" + SINGLE_WEIGHTS.get(2), "0.2");
        waitChecked(3);
        assertThat(b.text("group-msg-single_files")).isEmpty();
        // done with the group: the rule is checked
        b.find("param-silence_threshold_dbfs").click();
        b.waitUntil(
                d -> !d.findElement(By.id("group-msg-single_files")).getText().isEmpty());
        assertThat(b.text("group-msg-single_files"))
                .contains("must sum to 1.0, got 1.1")
                .contains("“Weight of tags and file names”=0.4")
                .doesNotContain("confidence_single_weight");
        assertThat(invalidInputs())
                .containsExactlyInAnyOrderElementsOf(
                        SINGLE_WEIGHTS.stream().map(k -> "param-" + k).toList());
        b.driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", b.find("group-msg-single_files"));
        b.screenshot("wizard-group-error");
    }

    @Test
    void anOlderValidationAnswerNeverReplacesANewerOne() {
        // the page's check of the value 12 is answered only when the test says so, after the check of -55
        b.beforeEveryPage("""
                window.__held = [];
                const nativeFetch = window.fetch;
                window.fetch = function (input, init) {
                  const answer = nativeFetch.apply(this, arguments);
                  if (String(input).includes("/parameters/validate") && init && String(init.body).includes('"12"')) {
                    return new Promise(resolve => window.__held.push(() => resolve(answer)));
                  }
                  return answer;
                };
                """);
        open();
        advanced();
        type("param-silence_threshold_dbfs", "12");
        b.waitUntil(d -> ((Number) b.driver.executeScript("return window.__held.length;")).intValue() == 1);
        type("param-silence_threshold_dbfs", "-55");
        b.waitUntil(d -> "1".equals(b.find("advanced").getAttribute("data-answers")));
        assertThat(b.text("group-msg-passages")).isEmpty();

        b.driver.executeScript("window.__held.forEach(release => release());");
        b.waitUntil(d -> "2".equals(b.find("advanced").getAttribute("data-answers")));
        assertThat(b.text("group-msg-passages"))
                .as("the older answer (12 is out of range) is dropped")
                .isEmpty();
        assertThat(invalidInputs()).isEmpty();
    }

    @Test
    void theFolderListWorksFromTheKeyboardAndUpChangesTheFolder() throws IOException {
        Files.createDirectories(root.resolve("music/rock"));
        Files.createDirectories(root.resolve("other"));
        open();
        b.waitUntil(d -> d.findElement(By.id("folders")).getText().contains("music/"));
        b.find("folder").click();
        tabTo("music/");
        b.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        b.waitUntil(d -> d.findElement(By.id("folders")).getText().contains("rock/"));
        assertThat(b.find("folder").getAttribute("value")).isEqualTo("music");
        b.find("folder").click();
        tabTo("rock/");
        b.driver.switchTo().activeElement().sendKeys(Keys.SPACE);
        b.waitUntil(d -> d.findElement(By.id("browse-path")).getText().equals("music/rock"));
        assertThat(b.find("folder").getAttribute("value")).isEqualTo("music/rock");

        b.find("browse-up").click();
        b.waitUntil(d -> d.findElement(By.id("browse-path")).getText().equals("music"));
        assertThat(b.find("folder").getAttribute("value")).isEqualTo("music");
        b.find("browse-up").click();
        b.waitUntil(d -> d.findElement(By.id("browse-path")).getText().equals("."));
        assertThat(b.find("folder").getAttribute("value")).isEqualTo(".");
        b.screenshot("wizard-folders");
    }

    @Test
    void continueWithoutAcoustIdImportsOffline() {
        // needs-key.wav makes AcoustID refuse the key: an import that asks AcoustID pauses there
        f.library("music", 2, "needs-key.wav");
        open();
        b.find("acoustid-use").click();
        b.find("acoustid-skip").click();
        assertThat(b.find("acoustid-offline").isSelected()).isTrue();
        assertThat(b.text("start-summary")).contains("offline");
        b.driver
                .findElement(By.xpath("//ul[@id='folders']//button[text()='music/']"))
                .click();
        b.waitUntil(d -> d.findElement(By.id("folder")).getAttribute("value").equals("music"));
        b.screenshot("wizard-offline");
        b.find("start").click();
        b.waitUntil(d -> d.getCurrentUrl().contains("/import-progress?session_id="));
        b.waitUntil(d -> d.findElement(By.id("state")).getText().equals("COMPLETED"));
        assertThat(b.text("imported")).isEqualTo("3");
        assertThat(b.text("pending")).isEqualTo("3");
        assertThat(b.text("errors")).contains("AcoustID not used: this import was started without it");
    }

    private void open() {
        b.driver.get(f.base + "/");
        b.waitUntil(d -> !d.findElements(By.id("param-silence_threshold_dbfs")).isEmpty());
    }

    private void advanced() {
        b.driver.findElement(By.cssSelector("#advanced > summary")).click();
        b.waitUntil(d -> d.findElement(By.id("param-silence_threshold_dbfs")).isDisplayed());
    }

    private void type(String id, String value) {
        WebElement input = b.find(id);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), value, Keys.TAB);
    }

    private void waitChecked(int n) {
        b.waitUntil(
                d -> String.valueOf(n).equals(d.findElement(By.id("advanced")).getAttribute("data-checked")));
    }

    private List<String> invalidInputs() {
        return b.driver.findElements(By.cssSelector("#groups .invalid")).stream()
                .map(e -> e.getAttribute("id"))
                .toList();
    }

    /** Presses Tab until the focused element's text is {@code text} (at most 12 times). */
    private void tabTo(String text) {
        WebDriver d = b.driver;
        for (int i = 0; i < 12; i++) {
            d.switchTo().activeElement().sendKeys(Keys.TAB);
            if (text.equals(d.switchTo().activeElement().getText())) {
                return;
            }
        }
        throw new AssertionError("Tab never reached '" + text + "'");
    }
}
