package io.warrenmq.client;

/**
 * A SASL mechanism and the response the client sends in {@code connection.start-ok}. Implemented by
 * {@link PlainCredentials} (PLAIN, or AMQPLAIN on request). Immutable.
 */
public interface Credentials {
  /** The mechanism name, e.g. {@code PLAIN}. */
  String mechanism();

  /** The bytes of the start-ok response. */
  byte[] response();

  /** The user name, for error messages. */
  String username();
}
