package io.warrenmq.broker.config;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byte amounts as RabbitMQ's config takes them ({@code disk_free_limit.absolute = 50MB}): a plain
 * number of bytes, or a number with a unit. As current RabbitMQ: k/kB/M/MB/G/GB/T/TB are powers of
 * 10, Ki/KiB/Mi/MiB/Gi/GiB/Ti/TiB powers of 2.
 */
public final class InformationUnits {
  private static final Pattern AMOUNT = Pattern.compile("(\\d+)\\s*([A-Za-z]*)");
  private static final Map<String, Long> UNITS =
      Map.ofEntries(
          Map.entry("", 1L),
          Map.entry("k", 1000L),
          Map.entry("kb", 1000L),
          Map.entry("ki", 1L << 10),
          Map.entry("kib", 1L << 10),
          Map.entry("m", 1000_000L),
          Map.entry("mb", 1000_000L),
          Map.entry("mi", 1L << 20),
          Map.entry("mib", 1L << 20),
          Map.entry("g", 1000_000_000L),
          Map.entry("gb", 1000_000_000L),
          Map.entry("gi", 1L << 30),
          Map.entry("gib", 1L << 30),
          Map.entry("t", 1000_000_000_000L),
          Map.entry("tb", 1000_000_000_000L),
          Map.entry("ti", 1L << 40),
          Map.entry("tib", 1L << 40));

  private InformationUnits() {}

  /**
   * The number of bytes {@code text} means.
   *
   * @throws IllegalArgumentException for anything else
   */
  public static long parse(String text) {
    Matcher matcher = AMOUNT.matcher(text.strip());
    Long unit = null;
    if (matcher.matches()) {
      unit = UNITS.get(matcher.group(2).toLowerCase(Locale.ROOT));
    }
    if (unit == null) {
      throw new IllegalArgumentException(
          "expected a number of bytes with an optional unit (kB, MB, GB, KiB, MiB, GiB), not '"
              + text
              + "'");
    }
    try {
      return Math.multiplyExact(Long.parseLong(matcher.group(1)), unit);
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException("amount too large: '" + text + "'", e);
    }
  }
}
