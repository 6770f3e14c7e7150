package io.warrenmq.broker.vhost;

import java.util.Map;

/**
 * The headers exchange's rule (RabbitMQ's rabbit_exchange_type_headers): a binding's {@code
 * x-match} is {@code all} (default) or {@code any}; keys starting with {@code x-} are ignored
 * unless it is {@code all-with-x} or {@code any-with-x}. A binding argument of type void matches
 * any value of that header.
 */
public final class HeadersMatcher {
  private HeadersMatcher() {}

  /** True when the message {@code headers} satisfy the binding {@code arguments}. */
  public static boolean matches(Map<String, Object> arguments, Map<String, Object> headers) {
    Object mode = arguments.get("x-match");
    String match = mode == null ? "all" : ArgumentValues.show(mode);
    boolean any = match.startsWith("any");
    boolean withX = match.endsWith("-with-x");
    for (Map.Entry<String, Object> entry : arguments.entrySet()) {
      String key = entry.getKey();
      if (key.equals("x-match") || key.startsWith("x-") && !withX) {
        continue;
      }
      boolean hit =
          headers.containsKey(key)
              && (entry.getValue() == null
                  || ArgumentValues.equivalent(entry.getValue(), headers.get(key)));
      if (any && hit) {
        return true;
      }
      if (!any && !hit) {
        return false;
      }
    }
    return !any;
  }
}
