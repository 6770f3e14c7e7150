package io.warrenmq.broker.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrometheusTextTest {
  @Test
  void familiesSamplesAndEscapedLabels() {
    String text =
        new PrometheusText()
            .single("rabbitmq_queues", "gauge", "Queues", 3)
            .family("rabbitmq_queue_messages_ready", "gauge", "Ready")
            .sample("rabbitmq_queue_messages_ready", 7, "vhost", "/", "queue", "a\"b\\c\nd")
            .sample("ratio", 0.25)
            .toString();
    assertThat(text)
        .isEqualTo(
            "# HELP rabbitmq_queues Queues\n"
                + "# TYPE rabbitmq_queues gauge\n"
                + "rabbitmq_queues 3\n"
                + "# HELP rabbitmq_queue_messages_ready Ready\n"
                + "# TYPE rabbitmq_queue_messages_ready gauge\n"
                + "rabbitmq_queue_messages_ready{vhost=\"/\",queue=\"a\\\"b\\\\c\\nd\"} 7\n"
                + "ratio 0.25\n");
  }
}
