package io.warrenmq.broker.management;

import io.warrenmq.broker.vhost.MessageCounters;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Message rates from the running totals, as RabbitMQ's {@code *_details.rate} (per second): each
 * series keeps its last sample and the rate measured up to it; a sample less than a second after
 * the last one answers the last rate, so frequent polling does not turn into noise. Thread-safe.
 */
final class Rates {
  private static final long MIN_INTERVAL_NANOS = 1_000_000_000L;

  /** Series not asked for this long (deleted queues) are forgotten once there are many. */
  private static final long STALE_NANOS = 600_000_000_000L;

  private static final int PRUNE_ABOVE = 1024;

  private record Sample(long nanos, long value, double rate) {}

  private final Map<String, Sample> samples = new HashMap<>();

  /** The rate of the series {@code key}, whose total is now {@code value}. */
  synchronized double rate(String key, long value) {
    long now = System.nanoTime();
    Sample last = samples.get(key);
    if (last == null) {
      if (samples.size() >= PRUNE_ABOVE) {
        samples.values().removeIf(sample -> now - sample.nanos() > STALE_NANOS);
      }
      samples.put(key, new Sample(now, value, 0.0));
      return 0.0;
    }
    long elapsed = now - last.nanos();
    if (elapsed < MIN_INTERVAL_NANOS) {
      return last.rate();
    }
    double rate = Math.max(0, value - last.value()) * 1e9 / elapsed;
    rate = Math.round(rate * 10) / 10.0;
    samples.put(key, new Sample(now, value, rate));
    return rate;
  }

  /** RabbitMQ's {@code message_stats} for the sum of {@code counters}; {@code scope} names it. */
  Map<String, Object> messageStats(String scope, List<MessageCounters> counters) {
    long published = 0;
    long delivered = 0;
    long acked = 0;
    for (MessageCounters c : counters) {
      published += c.published();
      delivered += c.delivered();
      acked += c.acked();
    }
    Map<String, Object> out = new LinkedHashMap<>();
    put(out, scope, "publish", published);
    put(out, scope, "deliver_get", delivered);
    put(out, scope, "ack", acked);
    return out;
  }

  /** RabbitMQ's {@code message_stats} of an exchange: messages in, and routed on to queues. */
  Map<String, Object> exchangeStats(String scope, long publishIn, long publishOut) {
    Map<String, Object> out = new LinkedHashMap<>();
    put(out, scope, "publish_in", publishIn);
    put(out, scope, "publish_out", publishOut);
    return out;
  }

  private void put(Map<String, Object> out, String scope, String name, long total) {
    out.put(name, total);
    out.put(name + "_details", Map.of("rate", rate(scope + "/" + name, total)));
  }
}
