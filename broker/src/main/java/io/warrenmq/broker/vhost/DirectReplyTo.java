package io.warrenmq.broker.vhost;

import io.netty.buffer.ByteBuf;
import io.warrenmq.model.generated.BasicProperties;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Direct reply-to (RabbitMQ's {@code amq.rabbitmq.reply-to} pseudo-queue): each channel consuming
 * from it gets a unique {@code amq.rabbitmq.reply-to.<token>} name, and a message published to the
 * default exchange with that name as routing key goes straight to the channel, with no queue in
 * between. The token is random, so only the receiver of a request (who saw it in reply_to) can
 * answer. Thread-safe: channels of every event loop register and publish concurrently.
 */
public final class DirectReplyTo {
  /** The pseudo-queue clients consume from and put in reply_to. */
  public static final String QUEUE = "amq.rabbitmq.reply-to";

  /** The prefix of the names the broker writes into reply_to. */
  public static final String PREFIX = QUEUE + ".";

  private static final SecureRandom RANDOM = new SecureRandom();
  private final Map<String, Receiver> receivers = new ConcurrentHashMap<>();

  /** The consuming side of a channel; it hops to its own event loop before touching the channel. */
  public interface Receiver {
    /** A reply arrived; takes ownership of {@code body}. */
    void reply(String exchange, String routingKey, BasicProperties properties, ByteBuf body);
  }

  /** True when {@code name} has the form of a reply name (it may not be registered). */
  public static boolean isReplyName(String name) {
    return name.startsWith(PREFIX);
  }

  /** Registers {@code receiver} under a new unique name, which it returns. */
  public String register(Receiver receiver) {
    byte[] token = new byte[18];
    RANDOM.nextBytes(token);
    String name = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    receivers.put(name, receiver);
    return name;
  }

  /** Forgets {@code name}: replies to it are dropped from now on. */
  public void unregister(String name) {
    receivers.remove(name);
  }

  /** True while a channel consumes under {@code name}. */
  public boolean isRegistered(String name) {
    return receivers.containsKey(name);
  }

  /**
   * Hands a reply to the channel registered as {@code name}; false (and {@code body} left to the
   * caller) when none is, which RabbitMQ treats as a silent drop.
   */
  public boolean deliver(
      String name, String exchange, String routingKey, BasicProperties properties, ByteBuf body) {
    Receiver receiver = receivers.get(name);
    if (receiver == null) {
      return false;
    }
    receiver.reply(exchange, routingKey, properties, body);
    return true;
  }
}
