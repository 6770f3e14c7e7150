package io.warrenmq.broker.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.warrenmq.broker.BrokerConfig;
import io.warrenmq.broker.EmbeddedBroker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** GET /metrics after publishing, getting and acking with the official client, parsed. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PrometheusMetricsIT {
  private static final Pattern SAMPLE =
      Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})? (-?[0-9.eE+]+)");
  private static final Pattern FAMILY =
      Pattern.compile("# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.+)");
  private static final String Q1 = "{vhost=\"/\",queue=\"metrics-q1\"}";

  private EmbeddedBroker broker;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @BeforeEach
  void start() {
    broker = EmbeddedBroker.start(BrokerConfig.ephemeral().withPrometheusPort(0));
  }

  @AfterEach
  void stop() {
    broker.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + broker.prometheusPort() + path))
            .timeout(Duration.ofSeconds(10))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** The samples by name and labels, checking every line's syntax and each family's metadata. */
  private Map<String, Double> scrape() throws Exception {
    HttpResponse<String> response = get("/metrics");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type").orElse(""))
        .startsWith("text/plain; version=0.0.4");
    Map<String, Double> samples = new HashMap<>();
    Set<String> typed = new HashSet<>();
    for (String line : response.body().split("\n")) {
      Matcher family = FAMILY.matcher(line);
      if (family.matches()) {
        if (family.group(1).equals("TYPE")) {
          assertThat(family.group(3)).isIn("gauge", "counter");
          typed.add(family.group(2));
        }
        continue;
      }
      Matcher sample = SAMPLE.matcher(line);
      assertThat(sample.matches()).as("sample line '%s'", line).isTrue();
      assertThat(typed).as("TYPE before '%s'", line).contains(sample.group(1));
      samples.put(
          sample.group(1) + (sample.group(2) == null ? "" : sample.group(2)),
          Double.parseDouble(sample.group(3)));
    }
    return samples;
  }

  private Map<String, Double> scrapeUntil(String key, double value) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    Map<String, Double> samples = scrape();
    while (!Double.valueOf(value).equals(samples.get(key)) && System.nanoTime() < deadline) {
      Thread.sleep(20);
      samples = scrape();
    }
    return samples;
  }

  @Test
  void countsPublishedDeliveredAckedAndPerQueueDepth() throws Exception {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost("127.0.0.1");
    factory.setPort(broker.port());
    factory.setAutomaticRecoveryEnabled(false);
    try (Connection connection = factory.newConnection()) {
      Channel channel = connection.createChannel();
      channel.queueDeclare("metrics-q1", false, false, false, null);
      for (int i = 0; i < 5; i++) {
        channel.basicPublish("", "metrics-q1", null, ("m" + i).getBytes(StandardCharsets.UTF_8));
      }
      scrapeUntil("rabbitmq_queue_messages_ready" + Q1, 5);
      GetResponse first = channel.basicGet("metrics-q1", false);
      GetResponse second = channel.basicGet("metrics-q1", false);
      channel.basicGet("metrics-q1", false); // stays unacked
      channel.basicAck(second.getEnvelope().getDeliveryTag(), true); // acks first and second
      assertThat(first).isNotNull();

      Map<String, Double> samples = scrapeUntil("rabbitmq_global_messages_acknowledged_total", 2);
      assertThat(samples)
          .containsEntry("rabbitmq_connections", 1.0)
          .containsEntry("rabbitmq_channels", 1.0)
          .containsEntry("rabbitmq_queues", 1.0)
          .containsEntry("rabbitmq_consumers", 0.0)
          .containsEntry("rabbitmq_queue_messages_ready" + Q1, 2.0)
          .containsEntry("rabbitmq_queue_messages_unacked" + Q1, 1.0)
          .containsEntry("rabbitmq_queue_messages" + Q1, 3.0)
          .containsEntry("rabbitmq_queue_consumers" + Q1, 0.0)
          .containsEntry("rabbitmq_global_messages_received_total", 5.0)
          .containsEntry("rabbitmq_global_messages_delivered_total", 3.0)
          .containsEntry("rabbitmq_global_messages_acknowledged_total", 2.0)
          .containsEntry("rabbitmq_alarms_memory_used_watermark", 0.0)
          .containsEntry("rabbitmq_alarms_free_disk_space_watermark", 0.0);
      assertThat(samples.get("rabbitmq_process_resident_memory_bytes")).isPositive();
      assertThat(samples.get("rabbitmq_resident_memory_limit_bytes")).isPositive();
      assertThat(samples.get("rabbitmq_disk_space_available_bytes")).isPositive();
    }
    // Closing the connection returns the unacked message and closes the channel.
    Map<String, Double> after = scrapeUntil("rabbitmq_queue_messages_ready" + Q1, 3);
    assertThat(after)
        .containsEntry("rabbitmq_queue_messages_ready" + Q1, 3.0)
        .containsEntry("rabbitmq_queue_messages_unacked" + Q1, 0.0);
    assertThat(scrapeUntil("rabbitmq_channels", 0)).containsEntry("rabbitmq_channels", 0.0);
  }

  @Test
  void otherPathsAreNotFound() throws Exception {
    assertThat(get("/api/overview").statusCode()).isEqualTo(404);
    assertThat(get("/metrics/per-object").statusCode()).isEqualTo(200);
  }
}
