package io.warrenmq.broker.connection;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.warrenmq.model.AmqpException;
import io.warrenmq.model.LongString;
import io.warrenmq.model.codec.FieldTables;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * SASL PLAIN and AMQPLAIN against a fixed user table. As in RabbitMQ, the user {@code guest} may
 * only log in from a loopback address (checked on the peer's address, not on anything it says).
 * Thread-safe and non-blocking: the table is in memory.
 */
public final class Authenticator {
  /** The mechanisms offered in connection.start, in order of preference. */
  public static final String MECHANISMS = "PLAIN AMQPLAIN";

  private final Map<String, String> passwords;
  private final boolean guestLoopbackOnly;

  /**
   * @param passwords user name to password
   * @param guestLoopbackOnly whether {@code guest} is refused from non-loopback peers
   */
  public Authenticator(Map<String, String> passwords, boolean guestLoopbackOnly) {
    this.passwords = Map.copyOf(passwords);
    this.guestLoopbackOnly = guestLoopbackOnly;
  }

  /**
   * The user the response proves, or null when the credentials are refused.
   *
   * @throws AmqpException 503 for an unknown mechanism or a malformed response
   */
  public String authenticate(String mechanism, LongString response, SocketAddress peer) {
    String[] credentials =
        switch (mechanism) {
          case "PLAIN" -> plain(response.toByteArray());
          case "AMQPLAIN" -> amqplain(response.toByteArray());
          default ->
              throw AmqpException.commandInvalid(
                  "unknown authentication mechanism '" + mechanism + "'");
        };
    String user = credentials[0];
    String expected = passwords.get(user);
    if (expected == null || !expected.equals(credentials[1])) {
      return null;
    }
    if (guestLoopbackOnly && user.equals("guest") && !isLoopback(peer)) {
      return null;
    }
    return user;
  }

  /** RFC 4616: [authzid] NUL authcid NUL passwd. */
  private static String[] plain(byte[] response) {
    String text = new String(response, StandardCharsets.UTF_8);
    String[] parts = text.split("\u0000", -1);
    if (parts.length != 3) {
      throw AmqpException.commandInvalid("malformed PLAIN response");
    }
    return new String[] {parts[1], parts[2]};
  }

  /** A field table without its length prefix, holding LOGIN and PASSWORD. */
  private static String[] amqplain(byte[] response) {
    ByteBuf buf = Unpooled.buffer(response.length + 4);
    try {
      buf.writeInt(response.length).writeBytes(response);
      Map<String, Object> table = FieldTables.readTable(buf);
      Object login = table.get("LOGIN");
      Object password = table.get("PASSWORD");
      if (login == null || password == null) {
        throw AmqpException.commandInvalid("AMQPLAIN response without LOGIN and PASSWORD");
      }
      return new String[] {login.toString(), password.toString()};
    } finally {
      buf.release();
    }
  }

  private static boolean isLoopback(SocketAddress peer) {
    if (peer instanceof InetSocketAddress inet) {
      InetAddress address = inet.getAddress();
      return address != null && address.isLoopbackAddress();
    }
    // Local transports (embedded channel, unix socket) count as loopback.
    return true;
  }
}
