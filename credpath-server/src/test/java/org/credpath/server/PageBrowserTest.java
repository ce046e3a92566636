package org.credpath.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.credpath.engine.CredpathEngine;
import org.credpath.kb.BuiltInKnowledgeBase;
import org.credpath.json.Json;
import org.credpath.model.profile.CandidateProfile;
import org.credpath.model.result.CredentialResult;
import org.credpath.model.result.EvaluationResult;
import org.credpath.model.result.NextStep;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The counselor's page in a real headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}): a person's clicks and keystrokes fill the form for two example
 * profiles, and the statuses, steps and the timeline's dated marks they would see are checked
 * against the engine's own result for the same profile. Without the browser the test is skipped
 * on a developer's machine and fails on CI ({@code CI=true}), so CI can never pass by not looking.
 */
class PageBrowserTest {
  static final Path CHROMIUM = Path.of(System.getProperty("credpath.chromium", "/usr/bin/chromium"));
  static final Path DRIVER = Path.of(System.getProperty("credpath.chromedriver", "/usr/bin/chromedriver"));
  static final String AS_OF = "2026-11-22";

  /** Held so that the level set on it is not lost when java.util.logging drops unreferenced loggers. */
  static final java.util.logging.Logger SELENIUM_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium");
  static TestServer http;
  static ChromeDriver browser;
  static Path profileDir;
  static CredpathEngine engine;

  @BeforeAll
  static void start() throws Exception {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    if (!present) {
      String message = "Chromium or chromedriver is missing (" + CHROMIUM + ", " + DRIVER
          + "); install them with: apt-get update && apt-get install -y chromium chromium-driver";
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError(message);
      }
      Assumptions.abort(message);
    }
    // Selenium's CDP notice about a newer Chromium is noise here: the test uses WebDriver only.
    SELENIUM_LOG.setLevel(java.util.logging.Level.SEVERE);
    http = new TestServer();
    engine = CredpathEngine.load(BuiltInKnowledgeBase.source(), Path.of(System.getProperty("credpath.cache", "target/credpath-cache")));
    profileDir = Files.createTempDirectory("credpath-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
        "--window-size=1200,2400", "--user-data-dir=" + profileDir);
    // The driver is named explicitly, so Selenium Manager never looks for one on the network.
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (http != null) {
      http.close();
    }
    if (profileDir != null) {
      try (var walk = Files.walk(profileDir)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  void anRhitHolderSeesTheirRenewalDueDateAndTheBachelorsPath() throws Exception {
    open();
    type("f-id", "ex-05-rhit-renewal");
    choose("f-state", "NY");
    choose("f-highSchool", "DIPLOMA");
    String program = add("education");
    choose(program + "-level", "ASSOCIATE");
    choose(program + "-field", "HEALTH_INFORMATION_MANAGEMENT");
    choose(program + "-status", "COMPLETED");
    type(program + "-completedOn", "2023-05-20");
    tick(program + "-cahiimAccredited");
    String rhit = add("credentials");
    choose(rhit + "-code", "RHIT");
    type(rhit + "-earnedOn", "2023-07-14");
    ceu("2024-02-01", "10", "AHIMA", true, false);
    ceu("2025-03-15", "10", "OTHER", true, false);
    ceu("2025-09-20", "6", "AHIMA_COMPONENT", true, false);
    tick("goal-RHIA");
    type("f-asOf", AS_OF);
    submitWithKeyboard();

    EvaluationResult expected = expected(4);
    assertPageShows(expected);
    assertThat(rowStatusText("RHIT")).isEqualTo("Held and active");
    assertThat(rowStatusText("RHIA")).isEqualTo("Not yet eligible");
    assertThat(browser.findElement(By.cssSelector("#credentials-table tr[data-code=RHIA]")).getText()).contains("bachelor");
    List<WebElement> steps = browser.findElements(By.cssSelector("#steps li"));
    assertThat(steps.get(0).getAttribute("data-code")).isEqualTo("ENROLL_CAHIIM_BACHELOR");
    assertThat(steps.get(1).getText()).startsWith("H By 2027-07-13:").contains("Earn 14 CEUs");
    assertThat(mark("2027-07-13", "cycle-end").getText()).isEqualTo("2027-07-13 · RHIT cycle ends [H]");
    assertThat(mark("2027-07-13", "due").getText()).isEqualTo("2027-07-13 · RHIT CEUs due [H]");
    assertThat(browser.findElement(By.cssSelector("#timeline g.cycle[data-credential=RHIT]")).getAttribute("data-start"))
        .isEqualTo("2025-07-14");
    saveScreenshot("ex-05");
  }

  @Test
  void aCahimsHolderSeesTheRenewalDueAndTheWaiverDeadlineOnTheTimeline() throws Exception {
    open();
    type("f-id", "ex-06-cahims-holder");
    choose("f-state", "WA");
    String program = add("education");
    choose(program + "-level", "BACHELOR");
    choose(program + "-field", "INFORMATION_SYSTEMS");
    choose(program + "-status", "COMPLETED");
    type(program + "-completedOn", "2019-06-01");
    String job = add("experience");
    type(job + "-role", "EHR analyst");
    type(job + "-months", "50");
    tick(job + "-kind-INFORMATION_SYSTEMS");
    tick(job + "-kind-HEALTHCARE");
    String cahims = add("credentials");
    choose(cahims + "-code", "CAHIMS");
    type(cahims + "-earnedOn", "2024-04-10");
    ceu("2025-01-12", "20", "HIMSS", false, false);
    ceu("2026-03-02", "2", "HIMSS_APPROVED", false, true);
    tick("goal-CPHIMS");
    type("f-asOf", AS_OF);
    browser.findElement(By.id("evaluate")).click();

    EvaluationResult expected = expected(5);
    assertPageShows(expected);
    assertThat(rowStatusText("CAHIMS")).isEqualTo("Held: renewal due");
    assertThat(mark("2027-01-31", "waiver").getText()).isEqualTo("2027-01-31 · CAHIMS waiver or extension deadline [M]");
    assertThat(mark("2027-04-30", "cycle-end").getText()).startsWith("2027-04-30 · CAHIMS cycle ends");
    assertThat(browser.findElement(By.cssSelector("#events tbody tr[data-kind=waiver]")).getText())
        .contains("2027-01-31", "waiver");
    // An I-confidence step shows its mark where a person reads it.
    assertThat(browser.findElement(By.cssSelector("#steps li[data-code=EARN_CEUS] .conf")).getText()).isEqualTo("I");
    saveScreenshot("ex-06");
    assertReadableAndSelfContained();
    assertPrintShowsThePlanWithoutTheForm();
  }

  /** WCAG AA contrast (4.5:1) for every visible text; every resource loaded came from the service. */
  private static void assertReadableAndSelfContained() {
    Object low = browser.executeScript(String.join("\n",
        "const rgb = c => c.match(/[\\d.]+/g).map(Number);",
        "const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })",
        "  .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);",
        "const background = e => { for (; e; e = e.parentElement) { const c = getComputedStyle(e).backgroundColor;",
        "  if (!/rgba\\(.*, 0\\)$/.test(c) && c !== 'transparent') return rgb(c); } return [255, 255, 255]; };",
        "const bad = [];",
        "for (const e of document.querySelectorAll('body *')) {",
        "  if (!e.offsetParent || e.closest('svg')) continue;",
        "  if (![...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;",
        "  const a = lum(rgb(getComputedStyle(e).color)), b = lum(background(e));",
        "  const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);",
        "  if (ratio < 4.5) bad.push(e.tagName + ' ' + e.textContent.trim().slice(0, 30) + ' ' + ratio.toFixed(2));",
        "}",
        "return bad;"));
    assertThat((List<?>) low).as("text below 4.5:1 contrast").isEmpty();
    Object foreign = browser.executeScript(
        "return performance.getEntriesByType('resource').map(r => r.name).filter(n => !n.startsWith(location.origin))");
    assertThat((List<?>) foreign).as("resources from elsewhere than the service").isEmpty();
  }

  /** The print style leaves the form out and keeps the plan and the timeline. */
  private static void assertPrintShowsThePlanWithoutTheForm() {
    browser.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", "print"));
    try {
      assertThat(browser.findElement(By.id("profile-form")).isDisplayed()).isFalse();
      assertThat(browser.findElement(By.id("results")).isDisplayed()).isTrue();
      assertThat(browser.findElement(By.cssSelector("#timeline svg")).isDisplayed()).isTrue();
    } finally {
      browser.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", ""));
    }
  }

  @Test
  void pastedOrUploadedJsonFillsTheFormAndAContractErrorIsShownWithItsPath() throws Exception {
    open();
    WebElement json = browser.findElement(By.id("f-json"));
    json.sendKeys(ApiTest.examples().get(2).toString().replace("2026-05-15", "2026-13-45"));
    browser.findElement(By.id("load-json")).click();
    assertThat(browser.findElement(By.id("f-id")).getAttribute("value")).isEqualTo("ex-03-fresh-graduate");
    type("f-asOf", AS_OF);
    browser.findElement(By.id("evaluate")).click();
    WebElement problems = new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> d.findElement(By.id("problems")).isDisplayed() ? d.findElement(By.id("problems")) : null);
    assertThat(problems.getText()).contains("$.education[0].completedOn", "YYYY-MM-DD");
    assertThat(browser.findElement(By.id("results")).isDisplayed()).isFalse();

    // Uploading the examples file takes its first profile into the form.
    browser.findElement(By.id("f-file")).sendKeys(Path.of("../examples/profiles.json").toAbsolutePath().normalize().toString());
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> d.findElement(By.id("f-id")).getAttribute("value").equals("ex-01-starting-out"));
    assertThat(new Select(browser.findElement(By.id("f-highSchool"))).getFirstSelectedOption().getAttribute("value"))
        .isEqualTo("NONE");
    browser.findElement(By.id("evaluate")).click();
    new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> d.findElement(By.id("results")).isDisplayed());
    assertThat(browser.findElement(By.cssSelector("#steps li")).getAttribute("data-code")).isEqualTo("EARN_HIGH_SCHOOL_CREDENTIAL");
  }

  @Test
  void everyFormControlHasALabel() throws Exception {
    open();
    add("education");
    add("credentials");
    add("continuingEducation");
    add("experience");
    Object unlabelled = browser.executeScript(
        "return [...document.querySelectorAll('input, select, textarea')]"
            + ".filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')).map(e => e.id)");
    assertThat((List<?>) unlabelled).isEmpty();
  }

  // ---- helpers: what a person does ----

  private static void open() {
    browser.get(http.uri("/").toString());
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector("#goals input")).size() == 7);
  }

  private static String add(String list) {
    browser.findElement(By.cssSelector("button[data-add=" + list + "]")).click();
    List<WebElement> rows = browser.findElements(By.cssSelector("#" + list + " > fieldset.row"));
    return rows.get(rows.size() - 1).getAttribute("data-row");
  }

  private static void ceu(String date, String hours, String provider, boolean hiim, boolean ethics) {
    String row = add("continuingEducation");
    type(row + "-date", date);
    type(row + "-hours", hours);
    choose(row + "-provider", provider);
    if (hiim) {
      tick(row + "-hiimDomain");
    }
    if (ethics) {
      tick(row + "-ethics");
    }
  }

  private static void type(String id, String text) {
    WebElement input = browser.findElement(By.id(id));
    input.clear();
    input.sendKeys(text);
  }

  private static void choose(String id, String value) {
    new Select(browser.findElement(By.id(id))).selectByValue(value);
  }

  private static void tick(String id) {
    WebElement box = browser.findElement(By.id(id));
    if (!box.isSelected()) {
      box.sendKeys(Keys.SPACE);
    }
    assertThat(box.isSelected()).isTrue();
  }

  /** Reaches the button with the keyboard from the date field and presses Enter. */
  private static void submitWithKeyboard() {
    browser.findElement(By.id("f-asOf")).sendKeys(Keys.TAB);
    WebElement focused = browser.switchTo().activeElement();
    assertThat(focused.getAttribute("id")).isEqualTo("evaluate");
    focused.sendKeys(Keys.ENTER);
  }

  private static EvaluationResult expected(int exampleIndex) throws Exception {
    JsonNode node = ApiTest.examples().get(exampleIndex);
    return engine.evaluate(Json.PROFILE_READER.treeToValue(node, CandidateProfile.class), LocalDate.parse(AS_OF));
  }

  /** Statuses, steps and dated marks agree with the engine's result for the same profile. */
  private static void assertPageShows(EvaluationResult expected) {
    new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> d.findElement(By.id("results")).isDisplayed());
    assertThat(browser.findElement(By.id("plan-title")).getText()).isEqualTo("Plan for " + expected.candidateId());
    assertThat(browser.findElement(By.id("plan-meta")).getText()).contains(AS_OF);
    for (CredentialResult c : expected.credentials()) {
      WebElement row = browser.findElement(By.cssSelector("#credentials-table tr[data-code=" + c.code() + "]"));
      assertThat(row.getAttribute("data-status")).as(c.code()).isEqualTo(c.status().name());
      assertThat(row.findElement(By.cssSelector(".conf")).getText()).isEqualTo(c.confidence().name());
      for (String missing : c.missing()) {
        assertThat(row.getText()).contains(missing);
      }
    }
    List<WebElement> steps = browser.findElements(By.cssSelector("#steps li"));
    assertThat(steps).hasSize(expected.nextSteps().size());
    for (int i = 0; i < steps.size(); i++) {
      NextStep step = expected.nextSteps().get(i);
      assertThat(steps.get(i).getAttribute("data-code")).isEqualTo(step.code());
      assertThat(steps.get(i).getText()).contains(step.message());
      if (step.dueBy() != null) {
        assertThat(steps.get(i).getText()).contains("By " + step.dueBy());
        assertThat(browser.findElements(By.cssSelector("#timeline g.mark[data-date='" + step.dueBy() + "']"))).isNotEmpty();
      }
    }
    for (CredentialResult c : expected.credentials()) {
      if (c.cycle() != null && !c.cycle().end().isBefore(LocalDate.parse(AS_OF))) {
        assertThat(mark(c.cycle().end().toString(), "cycle-end").getAttribute("data-credential")).isEqualTo(c.code());
      }
    }
  }

  private static WebElement mark(String date, String kind) {
    return browser.findElement(By.cssSelector("#timeline g.mark[data-date='" + date + "'][data-kind=" + kind + "]"));
  }

  private static String rowStatusText(String code) {
    return browser.findElement(By.cssSelector("#credentials-table tr[data-code=" + code + "] .status")).getText();
  }

  /** Keeps what the browser showed in target/ (the README's picture is copied from here). */
  private static void saveScreenshot(String name) throws Exception {
    Path out = Path.of("target", "page-" + name + ".png");
    Files.createDirectories(out.getParent());
    Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), out, StandardCopyOption.REPLACE_EXISTING);
    File plan = browser.findElement(By.id("results")).getScreenshotAs(OutputType.FILE);
    Files.copy(plan.toPath(), Path.of("target", "page-" + name + "-plan.png"), StandardCopyOption.REPLACE_EXISTING);
  }
}
