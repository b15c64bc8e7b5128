package jp.riss.deploy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The API portal in a real browser (headless Chromium from Debian, driven by Selenium; installed by
 * deploy/local/browser when missing) against the running stack, as a person reading the APIs uses
 * it: the index lists every contract and AsyncAPI document; each contract renders in Scalar with a
 * known operation; each checked-in AsyncAPI document renders its channels and messages; "Test
 * Request" on the Active List search, with a pasted bearer token, returns listings through the
 * gateway; the problem types page lists the kinds. No page may log a console error (a CSP
 * violation, a failed request, a script error). Screenshots are kept under
 * deploy/target/portal-screenshots/.
 */
@ExtendWith(LocalStack.class)
class PortalE2EIT {

  private static final String PORTAL = LocalStack.GATEWAY + "/portal/";
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  // A known operation of each contract: its operationId, found in the checked-in contract.
  private static final Map<String, String> KNOWN_OPERATION =
      Map.of(
          "active-list", "searchListings",
          "deemed-attendance", "listSyllabusItems",
          "community", "listEditions",
          "guide", "getSteps",
          "gateway", "contractIndex");
  private static final Map<String, String> MODULE =
      Map.of(
          "active-list", "active-list-service",
          "deemed-attendance", "deemed-attendance-service",
          "community", "camp-community-service",
          "guide", "practical-guide-service",
          "gateway", "gateway");

  private static ChromeDriver browser;
  private static Path screenshots;
  private static Path profile;

  @BeforeAll
  static void startBrowser() throws IOException, InterruptedException {
    Path repo = LocalStack.repo();
    screenshots = Files.createDirectories(repo.resolve("deploy/target/portal-screenshots"));
    profile = Files.createTempDirectory("riss-portal-chromium");
    List<String> paths = installBrowser(repo);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(paths.get(0));
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1400,1000",
        "--user-data-dir=" + profile);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of(paths.get(1)).toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  /** Every page of every test: nothing the browser logs as an error. */
  @AfterEach
  void noConsoleErrors() {
    List<String> errors =
        browser.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
            .map(LogEntry::getMessage)
            .toList();
    assertEquals(List.of(), errors, "console errors");
  }

  @Test
  void theRootLeadsToThePortalWhichListsEveryContractAndEveryAsyncApiDocument() {
    browser.get(LocalStack.GATEWAY + "/");
    waitFor(By.cssSelector("#contract-list[aria-busy='false'] li"));
    assertEquals(PORTAL, browser.getCurrentUrl());
    assertEquals(
        List.of("active-list", "community", "deemed-attendance", "guide", "gateway"),
        attributes("#contract-list li", "data-context"));
    assertEquals(
        List.of("active-list", "community", "deemed-attendance", "guide"),
        attributes("#asyncapi-list li", "data-context"));
    screenshot("01-index");
  }

  @Test
  void everyContractRendersWithAKnownOperation() {
    int n = 2;
    for (Map.Entry<String, String> known : sorted(KNOWN_OPERATION)) {
      String context = known.getKey();
      Operation op = operation(MODULE.get(context), known.getValue());
      browser.get("about:blank");
      browser.get(PORTAL + "reference.html?api=" + context + "#" + op.anchor());
      WebElement section = waitFor(By.id(op.anchor()));
      new WebDriverWait(browser, PATIENCE).until(d -> section.getText().contains(op.summary()));
      screenshot(String.format("%02d-reference-%s", n++, context));
    }
  }

  @Test
  void tryItOnTheActiveListSearchWithAPastedTokenReturnsListings() {
    // The demo data publishes listings; the page must show one of them. The search order rotates
    // per search session, so any published listing may come first.
    List<String> published =
        given()
            .get("/api/v1/active-list/listings?limit=100")
            .then()
            .statusCode(200)
            .body("items", not(empty()))
            .extract()
            .path("items.id");
    Operation search = operation("active-list-service", "searchListings");
    browser.get("about:blank");
    browser.get(PORTAL + "reference.html?api=active-list#" + search.anchor());
    waitFor(By.cssSelector(".scalar-reference-intro-auth input"))
        .sendKeys(LocalStack.token("support-body", "e2e-portal"));
    waitFor(By.cssSelector("[id='" + search.anchor() + "'] .show-api-client-button")).click();
    waitFor(By.xpath("//button[contains(., 'Send get request')]")).click();
    new WebDriverWait(browser, PATIENCE)
        .until(
            d -> {
              String page = d.findElement(By.tagName("body")).getText();
              return page.contains("200 OK") && published.stream().anyMatch(page::contains);
            });
    screenshot("07-try-it-search");
  }

  @Test
  void everyCheckedInAsyncApiDocumentRendersItsChannelsOperationsAndMessages() {
    int n = 8;
    for (Map.Entry<String, String> module : sorted(MODULE)) {
      Path file =
          LocalStack.repo().resolve(module.getValue()).resolve("src/main/asyncapi/asyncapi.yaml");
      if (module.getKey().equals("gateway") || !Files.exists(file)) {
        continue;
      }
      JsonNode doc = read(file);
      browser.get("about:blank");
      browser.get(PORTAL + "asyncapi.html?api=" + module.getKey());
      waitFor(By.cssSelector("#asyncapi[aria-busy='false']"));
      assertTrue(
          browser.findElements(By.cssSelector("#asyncapi .error")).isEmpty(),
          () -> browser.findElement(By.id("asyncapi")).getText());
      assertEquals(names(doc.path("channels")), attributes("[data-channel]", "data-channel"));
      assertEquals(names(doc.path("operations")), attributes("[data-operation]", "data-operation"));
      // Its own messages, and those of other services it consumes.
      assertTrue(
          browser.findElements(By.cssSelector("[data-message]")).size()
              >= doc.path("components").path("messages").size(),
          "every message of " + module.getValue() + " is shown");
      assertTrue(
          browser.findElements(By.cssSelector("[data-message] table.schema tbody tr")).size()
              > doc.path("channels").size(),
          "payload schemas are shown field by field");
      screenshot(String.format("%02d-asyncapi-%s", n++, module.getKey()));
    }
  }

  @Test
  void theProblemTypesPageSaysWhatEachKindMeansAndWhatToDo() {
    browser.get(PORTAL + "problems.html");
    for (String kind : List.of("validation", "unauthorized", "rate-limited", "criteria-not-met")) {
      WebElement term = waitFor(By.id(kind));
      assertTrue(term.getText().contains("https://riss.example/problems/" + kind), kind);
    }
    assertTrue(
        browser.findElement(By.tagName("body")).getText().contains("What to do:"),
        "each kind says what to do");
    screenshot("20-problem-types");
  }

  // --- helpers ---------------------------------------------------------------------------------

  /** Where Scalar renders an operation: its tag, method and path, under the document's slug. */
  record Operation(String tag, String method, String path, String summary) {
    String anchor() {
      return "api-1/tag/" + tag + "/" + method + "/" + path.substring(1);
    }
  }

  private static Operation operation(String module, String operationId) {
    JsonNode paths =
        read(LocalStack.repo().resolve(module + "/src/main/openapi/openapi.yaml")).path("paths");
    for (Iterator<Map.Entry<String, JsonNode>> p = paths.fields(); p.hasNext(); ) {
      Map.Entry<String, JsonNode> path = p.next();
      for (Iterator<Map.Entry<String, JsonNode>> m = path.getValue().fields(); m.hasNext(); ) {
        Map.Entry<String, JsonNode> method = m.next();
        if (operationId.equals(method.getValue().path("operationId").asText())) {
          return new Operation(
              method.getValue().path("tags").path(0).asText(),
              method.getKey().toUpperCase(),
              path.getKey(),
              method.getValue().path("summary").asText());
        }
      }
    }
    return fail(module + " has no operation " + operationId);
  }

  private static JsonNode read(Path file) {
    try {
      return YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static <V> List<Map.Entry<String, V>> sorted(Map<String, V> map) {
    return map.entrySet().stream().sorted(Map.Entry.comparingByKey()).collect(Collectors.toList());
  }

  private static WebElement waitFor(By locator) {
    return new WebDriverWait(browser, PATIENCE)
        .until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  private static List<String> attributes(String css, String attribute) {
    return browser.findElements(By.cssSelector(css)).stream()
        .map(e -> e.getAttribute(attribute))
        .toList();
  }

  private static void screenshot(String name) {
    try {
      Files.write(screenshots.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** deploy/local/browser: Debian's chromium and chromedriver, installed when missing. */
  private static List<String> installBrowser(Path repo) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(repo.resolve("deploy/local/browser").toString())
            .directory(repo.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(15, TimeUnit.MINUTES) || process.exitValue() != 0) {
      fail("deploy/local/browser failed: " + out);
    }
    List<String> paths = out.strip().lines().toList();
    assertEquals(2, paths.size(), "browser and driver paths: " + out);
    return paths;
  }
}
