package io.warrenmq.broker.metrics;

import io.warrenmq.broker.Broker;
import io.warrenmq.broker.flow.MemoryGauge;
import io.warrenmq.broker.queue.MessageQueue;
import io.warrenmq.broker.vhost.VirtualHost;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One scrape: the broker's state in RabbitMQ's {@code rabbitmq_prometheus} series names, per-queue
 * series labelled {@code vhost} and {@code queue} (as RabbitMQ's per-object metrics). Queue counts
 * are asked of each queue's executor; the future completes once all have answered, never blocking
 * the caller.
 */
final class MetricsCollector {
  private static final Path PROC_STATUS = Path.of("/proc/self/status");

  private final Broker broker;

  MetricsCollector(Broker broker) {
    this.broker = broker;
  }

  /** A queue's counts as its executor saw them. */
  private record QueueSample(String vhost, MessageQueue queue, int ready, int consumers) {}

  CompletableFuture<String> scrape() {
    List<CompletableFuture<QueueSample>> samples = new ArrayList<>();
    List<MessageQueue> live = new ArrayList<>();
    for (String name : broker.vhosts()) {
      VirtualHost vhost = broker.vhost(name);
      if (vhost == null) {
        continue;
      }
      for (MessageQueue queue : vhost.queues()) {
        live.add(queue);
        CompletableFuture<QueueSample> sample = new CompletableFuture<>();
        queue.stats(
            (ready, consumers) -> sample.complete(new QueueSample(name, queue, ready, consumers)));
        samples.add(sample);
      }
    }
    broker.counters().retainQueues(live);
    return CompletableFuture.allOf(samples.toArray(CompletableFuture[]::new))
        .thenApply(done -> render(samples.stream().map(CompletableFuture::join).toList()));
  }

  private String render(List<QueueSample> queues) {
    MessageCounters counters = broker.counters();
    PrometheusText text = new PrometheusText();
    long consumers = queues.stream().mapToLong(QueueSample::consumers).sum();
    text.single("rabbitmq_connections", "gauge", "Open AMQP connections", broker.connectionCount())
        .single("rabbitmq_channels", "gauge", "Open AMQP channels", counters.openChannels())
        .single("rabbitmq_consumers", "gauge", "Consumers on all queues", consumers)
        .single("rabbitmq_queues", "gauge", "Queues in all vhosts", queues.size());
    text.family(
        "rabbitmq_queue_messages_ready", "gauge", "Messages a queue can deliver right away");
    queues.forEach(q -> text.sample("rabbitmq_queue_messages_ready", q.ready(), labels(q)));
    text.family(
        "rabbitmq_queue_messages_unacked",
        "gauge",
        "Messages a queue delivered that await their ack");
    queues.forEach(
        q ->
            text.sample(
                "rabbitmq_queue_messages_unacked", counters.unackedOf(q.queue()), labels(q)));
    text.family("rabbitmq_queue_messages", "gauge", "Ready plus unacknowledged messages");
    queues.forEach(
        q ->
            text.sample(
                "rabbitmq_queue_messages", q.ready() + counters.unackedOf(q.queue()), labels(q)));
    text.family("rabbitmq_queue_consumers", "gauge", "Consumers of a queue");
    queues.forEach(q -> text.sample("rabbitmq_queue_consumers", q.consumers(), labels(q)));
    text.single(
            "rabbitmq_global_messages_received_total",
            "counter",
            "Messages published to the broker since it started",
            counters.receivedTotal())
        .single(
            "rabbitmq_global_messages_delivered_total",
            "counter",
            "Messages delivered to consumers and basic.get since the broker started",
            counters.deliveredTotal())
        .single(
            "rabbitmq_global_messages_acknowledged_total",
            "counter",
            "Deliveries acknowledged by consumers since the broker started",
            counters.acknowledgedTotal())
        .single(
            "rabbitmq_process_resident_memory_bytes",
            "gauge",
            "Resident memory of the broker process in bytes",
            residentMemory())
        .single(
            "rabbitmq_resident_memory_limit_bytes",
            "gauge",
            "Memory high watermark in bytes",
            broker.memoryLimitBytes())
        .single(
            "rabbitmq_alarms_memory_used_watermark",
            "gauge",
            "1 while the memory alarm blocks publishers",
            broker.isMemoryAlarmRaised() ? 1 : 0)
        .single(
            "rabbitmq_alarms_free_disk_space_watermark",
            "gauge",
            "1 while the free disk space alarm blocks publishers",
            broker.isDiskAlarmRaised() ? 1 : 0);
    if (broker.diskFreeBytes() >= 0) {
      text.single(
              "rabbitmq_disk_space_available_bytes",
              "gauge",
              "Free space on the data directory's disk in bytes",
              broker.diskFreeBytes())
          .single(
              "rabbitmq_disk_space_available_limit_bytes",
              "gauge",
              "Free disk space under which publishers are blocked, in bytes",
              broker.config().diskFreeLimitBytes());
    }
    return text.toString();
  }

  private static String[] labels(QueueSample queue) {
    return new String[] {"vhost", queue.vhost(), "queue", queue.queue().name()};
  }

  /** The process's resident set (Linux), else what the JVM counts: heap and direct memory. */
  private static long residentMemory() {
    try {
      for (String line : Files.readAllLines(PROC_STATUS, StandardCharsets.US_ASCII)) {
        if (line.startsWith("VmRSS:")) {
          String kilobytes = line.substring("VmRSS:".length()).replace("kB", "").strip();
          return Long.parseLong(kilobytes) * 1024;
        }
      }
    } catch (IOException | RuntimeException notLinux) {
      // fall through to the JVM's own counters
    }
    return MemoryGauge.heapInUse() + MemoryGauge.directInUse();
  }
}
