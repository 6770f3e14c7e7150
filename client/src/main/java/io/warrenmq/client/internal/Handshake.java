package io.warrenmq.client.internal;

import io.warrenmq.client.ConnectionParameters;
import io.warrenmq.client.Credentials;
import io.warrenmq.model.AmqpException;
import io.warrenmq.model.LongString;
import io.warrenmq.model.Method;
import io.warrenmq.model.generated.Connection;
import io.warrenmq.model.generated.ReplyCode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The client side of connection opening (spec 2.2.4): start → start-ok, secure → secure-ok, tune →
 * tune-ok + open, open-ok. Confined to the I/O thread.
 */
final class Handshake {
  /** Where the handshake is; a broker that drops the socket after start-ok refused the login. */
  enum Stage {
    AWAITING_START,
    AWAITING_TUNE,
    AWAITING_OPEN_OK,
    DONE
  }

  private final ConnectionParameters params;
  private final Credentials credentials;
  private Stage stage = Stage.AWAITING_START;

  Handshake(ConnectionParameters params) {
    this.params = params;
    this.credentials = params.credentials();
  }

  Stage stage() {
    return stage;
  }

  /**
   * Answers one connection method of the handshake.
   *
   * @param method the broker's method
   * @param out where to write answers
   * @return the tuning once connection.tune arrived, else null
   */
  Tuning handle(Method method, java.util.function.Consumer<Method> out) {
    if (method instanceof Connection.Start start && stage == Stage.AWAITING_START) {
      String mechanisms = start.mechanisms().toString();
      if (!Arrays.asList(mechanisms.split(" ")).contains(credentials.mechanism())) {
        throw new AmqpException(
            ReplyCode.NOT_ALLOWED,
            "broker offers mechanisms [" + mechanisms + "], not " + credentials.mechanism());
      }
      stage = Stage.AWAITING_TUNE;
      out.accept(
          new Connection.StartOk(
              clientProperties(),
              credentials.mechanism(),
              LongString.wrap(credentials.response()),
              "en_US"));
      return null;
    }
    if (method instanceof Connection.Secure && stage == Stage.AWAITING_TUNE) {
      out.accept(new Connection.SecureOk(LongString.wrap(credentials.response())));
      return null;
    }
    if (method instanceof Connection.Tune tune && stage == Stage.AWAITING_TUNE) {
      Tuning tuning =
          new Tuning(
              (int) negotiate(params.channelMax(), tune.channelMax()),
              negotiate(params.frameMax(), tune.frameMax()),
              params.heartbeat() == null ? tune.heartbeat() : params.heartbeat());
      stage = Stage.AWAITING_OPEN_OK;
      out.accept(new Connection.TuneOk(tuning.channelMax(), tuning.frameMax(), tuning.heartbeat()));
      out.accept(new Connection.Open(params.virtualHost()));
      return tuning;
    }
    if (method instanceof Connection.OpenOk && stage == Stage.AWAITING_OPEN_OK) {
      stage = Stage.DONE;
      return null;
    }
    throw AmqpException.commandInvalid(
        "unexpected " + method.methodName() + " while opening (" + stage + ")");
  }

  /** Spec 2.2.4.2: 0 means "no limit", otherwise the lower value wins. */
  static long negotiate(long client, long server) {
    if (client == 0 || server == 0) {
      return Math.max(client, server);
    }
    return Math.min(client, server);
  }

  private Map<String, Object> clientProperties() {
    Map<String, Object> capabilities = new LinkedHashMap<>();
    capabilities.put("authentication_failure_close", true);
    capabilities.put("basic.nack", true);
    capabilities.put("connection.blocked", true);
    capabilities.put("consumer_cancel_notify", true);
    capabilities.put("exchange_exchange_bindings", true);
    capabilities.put("per_consumer_qos", true);
    capabilities.put("publisher_confirms", true);
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("product", "WarrenMQ Java client");
    props.put("version", "0.1.0");
    props.put("platform", "Java " + Runtime.version().feature());
    props.put("information", "https://github.com/warrenmq");
    props.put("capabilities", capabilities);
    props.putAll(params.clientProperties());
    return props;
  }

  /**
   * Why a connection.close from the broker ended the connection: during the handshake a 403 means
   * the credentials, a 530 or 402 the virtual host.
   */
  Failure closeFailure(Connection.Close close) {
    if (stage != Stage.DONE) {
      if (close.replyCode() == ReplyCode.ACCESS_REFUSED.code()) {
        return Failure.of(Failure.Kind.AUTHENTICATION, close.replyCode(), close.replyText());
      }
      if (close.replyCode() == ReplyCode.NOT_ALLOWED.code()
          || close.replyCode() == ReplyCode.INVALID_PATH.code()) {
        return Failure.of(Failure.Kind.ACCESS_DENIED, close.replyCode(), close.replyText());
      }
    }
    return Failure.of(
        Failure.Kind.CONNECTION_CLOSED_BY_BROKER, close.replyCode(), close.replyText());
  }

  /** Why a socket that closed without connection.close ended the connection. */
  Failure lostFailure() {
    if (stage == Stage.AWAITING_TUNE) {
      // RabbitMQ without authentication_failure_close simply hangs up on a bad login.
      return Failure.of(Failure.Kind.AUTHENTICATION, 403, "connection dropped after start-ok");
    }
    return Failure.of(Failure.Kind.STREAM_LOST, 0, "connection lost (EOF)");
  }
}
