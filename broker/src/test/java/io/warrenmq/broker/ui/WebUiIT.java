package io.warrenmq.broker.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.warrenmq.broker.EmbeddedBroker;
import io.warrenmq.broker.queue.QueueSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The management web UI in Debian's headless Chromium: log in through the form, create a queue,
 * publish to it and see its count change, get the message back, and visit the main pages, saving
 * screenshots under {@code target/ui-screenshots/}; route through an exchange and binding made in
 * the UI; add a vhost, a user and a permission. The browser console must stay free of errors.
 */
@Timeout(120)
class WebUiIT {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "ui-screenshots");

  private EmbeddedBroker broker;
  private ChromeDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void start(@TempDir Path profile) throws IOException {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "the web UI test needs Debian's chromium and chromium-driver "
            + "(apt-get install -y chromium chromium-driver): "
            + CHROMIUM
            + " or "
            + CHROMEDRIVER
            + " is missing");
    Files.createDirectories(SCREENSHOTS);
    broker = EmbeddedBroker.start();

    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1400,1000",
        "--user-data-dir=" + profile.toAbsolutePath());
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void operatorCreatesAQueuePublishesAndGetsAMessage() throws Exception {
    browser.get("http://127.0.0.1:" + broker.managementPort() + "/");
    login("guest", "guest");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("page-overview")));
    waitForText(By.id("count-queues"), "0");
    // Two polls give the rate chart a line, not a single dot.
    wait.until(d -> Integer.parseInt(byId("chart-rates").getAttribute("data-points")) >= 2);
    screenshot("overview");

    navigate("queues");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("add-queue")));
    wait.until(d -> !new Select(byId("queue-vhost")).getOptions().isEmpty());
    byId("queue-name").sendKeys("ui-orders");
    byId("add-queue").submit();
    WebElement queueLink =
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("ui-orders")));
    assertThat(broker.broker().vhost("/").findQueue("ui-orders")).isNotNull();
    screenshot("queues");

    queueLink.click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("page-queue")));
    waitForText(By.id("queue-messages"), "0");
    byId("publish-payload").sendKeys("hello from the browser");
    byId("publish-message").submit();
    waitForText(By.id("queue-messages"), "1");
    waitForText(By.id("queue-ready"), "1");

    byId("get-messages").submit();
    WebElement payload =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("pre.payload")));
    assertThat(payload.getText()).isEqualTo("hello from the browser");
    // The default ack mode requeues, so the message is still there.
    waitForText(By.id("queue-messages"), "1");
    screenshot("queue");

    navigate("exchanges");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.linkText("amq.direct")));
    screenshot("exchanges");

    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost(broker.host());
    factory.setPort(broker.port());
    factory.setAutomaticRecoveryEnabled(false);
    factory.setClientProperties(
        Map.of("connection_name", "ui-test-client", "product", "RabbitMQ Java client"));
    Connection connection = factory.newConnection();
    try {
      connection.createChannel();
      navigate("connections");
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("connection-list"), "ui-test-client"));
      screenshot("connections");
      // Close asks for a second click before it acts; polling holds still while it is armed.
      wait.ignoring(StaleElementReferenceException.class)
          .until(
              d -> {
                d.findElement(By.cssSelector("#connection-list button")).click();
                return true;
              });
      browser.findElement(By.cssSelector("#connection-list button.armed")).click();
      wait.until(d -> !connection.isOpen());
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("connection-list"), "No open connections"));
    } finally {
      connection.abort();
    }

    navigate("users");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("user-list"), "administrator"));
    screenshot("users");

    assertThat(consoleErrors()).isEmpty();
  }

  @Test
  void operatorRoutesThroughAnExchangeAndAdministersAccess() throws Exception {
    broker
        .broker()
        .vhost("/")
        .declareQueue(new QueueSettings("audit", "/", true, null, false, Map.of()));
    browser.get("http://127.0.0.1:" + broker.managementPort() + "/#/exchanges");
    login("guest", "guest");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("page-exchanges")));
    wait.until(d -> !new Select(byId("exchange-vhost")).getOptions().isEmpty());
    // Markup in a name must come back as text, never as elements.
    String name = "<i>events</i>";
    byId("exchange-name").sendKeys(name);
    new Select(byId("exchange-type")).selectByValue("topic");
    byId("add-exchange").submit();
    wait.until(ExpectedConditions.elementToBeClickable(By.linkText(name))).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("page-exchange")));
    assertThat(browser.findElements(By.cssSelector("#page-exchange i"))).isEmpty();

    WebElement bind = byId("add-binding");
    bind.findElement(By.name("destination")).sendKeys("audit");
    bind.findElement(By.name("routing_key")).sendKeys("order.*");
    bind.submit();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("exchange-bindings"), "order.*"));
    WebElement publish = byId("publish-exchange");
    publish.findElement(By.name("routing_key")).sendKeys("order.created");
    publish.findElement(By.name("payload")).sendKeys("routed by topic");
    publish.submit();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("flash"), "published"));
    browser.findElement(By.linkText("audit")).click();
    waitForText(By.id("queue-messages"), "1");

    navigate("vhosts");
    byId("vhost-name").sendKeys("staging");
    byId("add-vhost").submit();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("vhost-list"), "staging"));
    assertThat(broker.broker().vhosts()).contains("staging");

    navigate("users");
    byId("user-name").sendKeys("deployer");
    byId("user-password").sendKeys("s3cret");
    byId("user-tags").sendKeys("management");
    byId("add-user").submit();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("user-list"), "deployer"));

    navigate("permissions");
    wait.until(d -> new Select(byId("permission-user")).getOptions().size() >= 2);
    wait.until(d -> new Select(byId("permission-vhost")).getOptions().size() >= 2);
    new Select(byId("permission-user")).selectByValue("deployer");
    new Select(byId("permission-vhost")).selectByValue("staging");
    byId("set-permission").submit();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("permission-list"), "deployer"));
    assertThat(broker.broker().access().permissions("deployer", "staging")).isNotNull();
    screenshot("permissions");

    assertThat(consoleErrors()).isEmpty();
  }

  private void login(String user, String password) {
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
    byId("login-user").sendKeys(user);
    byId("login-password").sendKeys(password);
    byId("login-form").submit();
  }

  private void navigate(String page) {
    browser.findElement(By.cssSelector("#nav a[data-page='" + page + "']")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("page-" + page)));
  }

  private WebElement byId(String id) {
    return browser.findElement(By.id(id));
  }

  private void waitForText(By locator, String text) {
    wait.until(ExpectedConditions.textToBe(locator, text));
  }

  /** The whole page, not only the window: Chrome renders beyond the viewport on request. */
  private void screenshot(String name) throws IOException {
    Number width = (Number) browser.executeScript("return document.documentElement.scrollWidth");
    Number height = (Number) browser.executeScript("return document.documentElement.scrollHeight");
    Map<String, Object> shot =
        browser.executeCdpCommand(
            "Page.captureScreenshot",
            Map.of(
                "format",
                "png",
                "captureBeyondViewport",
                true,
                "clip",
                Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
    Files.write(
        SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
  }

  /** Everything the page logged at error level: script errors and failed requests alike. */
  private List<String> consoleErrors() {
    return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::toString)
        .toList();
  }
}
