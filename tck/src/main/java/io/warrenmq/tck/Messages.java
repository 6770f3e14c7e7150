package io.warrenmq.tck;

import io.warrenmq.client.BlockingChannel;
import io.warrenmq.client.GetResponse;
import java.util.ArrayList;
import java.util.List;

/** Small helpers for reading what a queue holds. */
public final class Messages {
  private Messages() {}

  /**
   * Takes every message now in {@code queue} with basic.get (auto-ack) and returns the bodies. Use
   * on a channel in confirm mode, or after a synchronous call, so that earlier publishes have been
   * routed before the first get.
   */
  public static List<String> drain(BlockingChannel ch, String queue) {
    List<String> bodies = new ArrayList<>();
    GetResponse r;
    while ((r = ch.basicGet(queue, o -> o.autoAck(true))) != null) {
      bodies.add(r.bodyAsString());
    }
    return bodies;
  }

  /** Declares a server-named exclusive queue and returns its name. */
  public static String tempQueue(BlockingChannel ch) {
    return ch.queueDeclare("", o -> o.exclusive(true)).method().queue();
  }

  /** The number of ready messages in {@code queue}. */
  public static long count(BlockingChannel ch, String queue) {
    return ch.queueDeclare(queue, o -> o.passive(true)).messageCount();
  }
}
