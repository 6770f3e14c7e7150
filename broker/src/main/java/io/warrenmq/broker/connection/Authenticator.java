package io.warrenmq.broker.connection;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.warrenmq.broker.access.AccessControl;
import io.warrenmq.model.AmqpException;
import io.warrenmq.model.LongString;
import io.warrenmq.model.codec.FieldTables;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * SASL PLAIN and AMQPLAIN against the users of {@link AccessControl} (salted SHA-256 hashes). As in
 * RabbitMQ, the user {@code guest} may only log in from a loopback address (checked on the peer's
 * address, not on anything it says). Thread-safe and non-blocking: the users are in memory.
 */
public final class Authenticator {
  /** The mechanisms offered in connection.start, in order of preference. */
  public static final String MECHANISMS = "PLAIN AMQPLAIN";

  private final AccessControl access;
  private final boolean guestLoopbackOnly;

  /**
   * @param access the users
   * @param guestLoopbackOnly whether {@code guest} is refused from non-loopback peers
   */
  public Authenticator(AccessControl access, boolean guestLoopbackOnly) {
    this.access = access;
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
    if (access.authenticate(user, credentials[1]) == null) {
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
