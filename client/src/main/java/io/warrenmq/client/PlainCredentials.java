package io.warrenmq.client;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.warrenmq.model.codec.FieldTables;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A user name and password, as pika's {@code PlainCredentials(username, password)}. Sent with the
 * SASL PLAIN mechanism unless {@link #amqplain()} asks for RabbitMQ's older AMQPLAIN. Immutable and
 * safe to share.
 */
public final class PlainCredentials implements Credentials {
  private final String username;
  private final String password;
  private final boolean amqplain;

  /** Credentials sent with SASL PLAIN. */
  public PlainCredentials(String username, String password) {
    this(username, password, false);
  }

  private PlainCredentials(String username, String password, boolean amqplain) {
    this.username = Objects.requireNonNull(username, "username");
    this.password = Objects.requireNonNull(password, "password");
    this.amqplain = amqplain;
  }

  /** The same credentials sent with the AMQPLAIN mechanism instead of PLAIN. */
  public PlainCredentials amqplain() {
    return new PlainCredentials(username, password, true);
  }

  @Override
  public String mechanism() {
    return amqplain ? "AMQPLAIN" : "PLAIN";
  }

  @Override
  public String username() {
    return username;
  }

  /** The password. */
  public String password() {
    return password;
  }

  @Override
  public byte[] response() {
    if (!amqplain) {
      return ("\0" + username + "\0" + password).getBytes(StandardCharsets.UTF_8);
    }
    // AMQPLAIN is a field table without its 4-byte length prefix.
    Map<String, Object> table = new LinkedHashMap<>();
    table.put("LOGIN", username);
    table.put("PASSWORD", password);
    ByteBuf buf = Unpooled.buffer();
    try {
      FieldTables.writeTable(buf, table);
      byte[] bytes = new byte[buf.readableBytes() - 4];
      buf.getBytes(4, bytes);
      return bytes;
    } finally {
      buf.release();
    }
  }

  @Override
  public String toString() {
    return "PlainCredentials[" + username + ", " + mechanism() + "]";
  }
}
