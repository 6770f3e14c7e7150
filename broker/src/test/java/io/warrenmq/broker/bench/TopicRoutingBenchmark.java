package io.warrenmq.broker.bench;

import io.warrenmq.broker.vhost.TopicTrie;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Topic routing with many bindings: one operation matches one routing key against a {@link
 * TopicTrie} of {@code bindings} patterns, as {@code TopicExchange.route} does for every publish to
 * a topic exchange (the trie is the whole of that cost; the exchange only adds each match's
 * destination to the result).
 *
 * <p>Patterns look like log routing, {@code region.service.host}: 10 regions × 100 services ×
 * N/1000 hosts, exact words, except every 10th pattern has {@code *} for the service and every
 * 100th is {@code region.#}. Keys are drawn from the same space (plus a share that matches nothing
 * but the wildcards), so a key matches about one exact pattern, a few {@code *} ones and its
 * region's {@code #}.
 *
 * <p>Not a test; run with {@code bash broker/bench-jmh.sh TopicRouting}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class TopicRoutingBenchmark {
  private static final int KEYS = 4096;

  @Param({"10000"})
  public int bindings;

  private final TopicTrie<Integer> trie = new TopicTrie<>();
  private final String[] keys = new String[KEYS];
  private int next;

  @Setup
  public void setUp() {
    int hosts = Math.max(1, bindings / 1000);
    for (int i = 0; i < bindings; i++) {
      int region = i % 10;
      int service = (i / 10) % 100;
      int host = (i / 1000) % hosts;
      String pattern;
      if (i % 100 == 0) {
        pattern = "r" + region + ".#";
      } else if (i % 10 == 0) {
        pattern = "r" + region + ".*.h" + host;
      } else {
        pattern = "r" + region + ".s" + service + ".h" + host;
      }
      trie.add(pattern, i);
    }
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < KEYS; i++) {
      // One key in eight names an unknown service: only the wildcard patterns can take it.
      String service =
          random.nextInt(8) == 0 ? "x" + random.nextInt(100) : "s" + random.nextInt(100);
      keys[i] = "r" + random.nextInt(10) + "." + service + ".h" + random.nextInt(hosts);
    }
  }

  @Benchmark
  public void route(Blackhole sink) {
    String key = keys[next++ & (KEYS - 1)];
    trie.match(key, sink::consume);
  }
}
