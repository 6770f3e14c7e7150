package io.warrenmq.broker.metrics;

import java.util.Locale;

/**
 * Writes the Prometheus text exposition format (version 0.0.4): for each metric family a {@code #
 * HELP} and a {@code # TYPE} line, then its samples, optionally labelled.
 */
final class PrometheusText {
  /** The content type Prometheus expects for this format. */
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final StringBuilder out = new StringBuilder(4096);

  /** Starts a metric family; {@code type} is {@code gauge} or {@code counter}. */
  PrometheusText family(String name, String type, String help) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    return this;
  }

  /** A sample with labels given as name, value, name, value... (none for an unlabelled one). */
  PrometheusText sample(String name, double value, String... labels) {
    out.append(name);
    if (labels.length > 0) {
      out.append('{');
      for (int i = 0; i < labels.length; i += 2) {
        if (i > 0) {
          out.append(',');
        }
        out.append(labels[i]).append("=\"").append(escape(labels[i + 1])).append('"');
      }
      out.append('}');
    }
    out.append(' ').append(format(value)).append('\n');
    return this;
  }

  /** A family with one unlabelled sample. */
  PrometheusText single(String name, String type, String help, double value) {
    return family(name, type, help).sample(name, value);
  }

  @Override
  public String toString() {
    return out.toString();
  }

  private static String escape(String label) {
    return label.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  private static String format(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return String.format(Locale.ROOT, "%s", value);
  }
}
