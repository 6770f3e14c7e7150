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
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SASL PLAIN and AMQPLAIN against the users of {@link AccessControl} (salted SHA-256 hashes), and
 * EXTERNAL over TLS: the user is the common name of the client certificate the TLS handshake
 * verified, offered only when there is one (as RabbitMQ's {@code rabbitmq_auth_mechanism_ssl}). As
 * in RabbitMQ, the {@code loopback_users} (guest by default) may only log in from a loopback
 * address (checked on the peer's address, not on anything it says). Refusals are logged with their
 * reason, which the client is never told. Thread-safe and non-blocking: the users are in memory.
 */
public final class Authenticator {
  private static final Logger LOG = LoggerFactory.getLogger(Authenticator.class);

  /** The mechanisms offered in connection.start, in order of preference. */
  public static final String MECHANISMS = "PLAIN AMQPLAIN";

  /** The mechanisms offered to a peer that presented a verified client certificate. */
  public static final String MECHANISMS_WITH_CERTIFICATE = "EXTERNAL PLAIN AMQPLAIN";

  private final AccessControl access;
  private final Set<String> loopbackUsers;

  /**
   * @param access the users
   * @param loopbackUsers users refused from non-loopback peers (RabbitMQ's {@code loopback_users})
   */
  public Authenticator(AccessControl access, Set<String> loopbackUsers) {
    this.access = access;
    this.loopbackUsers = Set.copyOf(loopbackUsers);
  }

  /** What connection.start offers: EXTERNAL only with a verified client certificate. */
  public static String mechanisms(String certificateUser) {
    return certificateUser == null ? MECHANISMS : MECHANISMS_WITH_CERTIFICATE;
  }

  /**
   * The user the response proves, or null when the credentials are refused.
   *
   * @param certificateUser the common name of the peer's verified TLS certificate, or null
   * @throws AmqpException 503 for an unknown mechanism or a malformed response
   */
  public String authenticate(
      String mechanism, LongString response, SocketAddress peer, String certificateUser) {
    String user;
    switch (mechanism) {
      case "PLAIN", "AMQPLAIN" -> {
        String[] credentials =
            mechanism.equals("PLAIN")
                ? plain(response.toByteArray())
                : amqplain(response.toByteArray());
        user = credentials[0];
        if (access.authenticate(user, credentials[1]) == null) {
          LOG.warn(
              "{} login refused from {}: user '{}' - invalid credentials", mechanism, peer, user);
          return null;
        }
      }
      case "EXTERNAL" -> {
        if (certificateUser == null) {
          throw AmqpException.commandInvalid(
              "unknown authentication mechanism 'EXTERNAL' (no verified client certificate)");
        }
        user = certificateUser;
        if (!access.snapshot().users().containsKey(user)) {
          LOG.warn(
              "EXTERNAL login refused from {}: user '{}' (client certificate CN) does not exist",
              peer,
              user);
          return null;
        }
      }
      default ->
          throw AmqpException.commandInvalid(
              "unknown authentication mechanism '" + mechanism + "'");
    }
    if (loopbackUsers.contains(user) && !isLoopback(peer)) {
      LOG.warn(
          "{} login refused from {}: user '{}' can only connect via localhost",
          mechanism,
          peer,
          user);
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
