package io.warrenmq.broker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.LongString;
import com.rabbitmq.client.SaslConfig;
import com.rabbitmq.client.SaslMechanism;
import com.rabbitmq.client.impl.LongStringHelper;
import io.warrenmq.broker.EmbeddedBroker;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Users, vhosts and permissions through the official Java client: login, vhost access (530) and
 * each permission check (403, channel closed, connection kept) allowed and refused.
 */
@Timeout(30)
class AccessControlIT {
  private static final String VHOST = "perm";
  private static EmbeddedBroker broker;
  private Connection admin;
  private Connection limited;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedBroker.start();
    broker.broker().addVhost(VHOST);
    broker.broker().setPermissions(VHOST, "guest", ".*", ".*", ".*");
    broker.broker().addUser("alice", "alice-pw", "monitoring");
    broker.broker().addUser("nobody", "nobody-pw");
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @AfterEach
  void closeConnections() {
    for (Connection c : new Connection[] {admin, limited}) {
      if (c != null && c.isOpen()) {
        try {
          c.close(2000);
        } catch (Exception ignored) {
          // Best effort.
        }
      }
    }
  }

  private static ConnectionFactory factory(String user, String password, String vhost) {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost("127.0.0.1");
    factory.setPort(broker.port());
    factory.setUsername(user);
    factory.setPassword(password);
    factory.setVirtualHost(vhost);
    factory.setAutomaticRecoveryEnabled(false);
    factory.setConnectionTimeout(5000);
    factory.setChannelRpcTimeout(5000);
    return factory;
  }

  /** alice on VHOST with these permissions; guest (everything) sets things up. */
  private Channel alice(String configure, String write, String read) throws Exception {
    broker.broker().setPermissions(VHOST, "alice", configure, write, read);
    admin = factory("guest", "guest", VHOST).newConnection();
    limited = factory("alice", "alice-pw", VHOST).newConnection();
    return limited.createChannel();
  }

  private Channel setup() throws Exception {
    return admin.createChannel();
  }

  /** Runs {@code op} on a new channel of alice's: 403 with RabbitMQ's text, channel closed. */
  private void refused(Op op, String resource) throws Exception {
    Channel channel = limited.createChannel();
    assertThatThrownBy(() -> op.run(channel))
        .satisfies(
            e -> {
              assertThat(BrokerTestSupport.replyCode(e)).isEqualTo(403);
              assertThat(BrokerTestSupport.replyText(e))
                  .isEqualTo(
                      "ACCESS_REFUSED - access to "
                          + resource
                          + " in vhost '"
                          + VHOST
                          + "' refused for user 'alice'");
            });
    assertThat(channel.isOpen()).isFalse();
    assertThat(limited.isOpen()).isTrue();
  }

  private void allowed(Op op) throws Exception {
    Channel channel = limited.createChannel();
    op.run(channel);
    assertThat(channel.isOpen()).isTrue();
    channel.close();
  }

  @FunctionalInterface
  interface Op {
    void run(Channel channel) throws Exception;
  }

  // ---- login and vhost access ----

  @Test
  void wrongPasswordIsRefusedWith403() {
    assertThatThrownBy(() -> factory("alice", "wrong", "/").newConnection())
        .isInstanceOf(AuthenticationFailureException.class)
        .hasMessageContaining("ACCESS_REFUSED");
    assertThatThrownBy(() -> factory("mallory", "x", "/").newConnection())
        .isInstanceOf(AuthenticationFailureException.class);
  }

  @Test
  void userWithoutPermissionsOnTheVhostGets530() {
    assertThatThrownBy(() -> factory("nobody", "nobody-pw", "/").newConnection())
        .satisfies(
            e -> {
              assertThat(BrokerTestSupport.replyCode(e)).isEqualTo(530);
              assertThat(BrokerTestSupport.replyText(e))
                  .isEqualTo("NOT_ALLOWED - access to vhost '/' refused for user 'nobody'");
            });
    assertThatThrownBy(() -> factory("guest", "guest", "missing").newConnection())
        .satisfies(e -> assertThat(BrokerTestSupport.replyCode(e)).isEqualTo(530));
  }

  @Test
  void amqplainLoginChecksTheHashToo() throws Exception {
    ConnectionFactory good = factory("guest", "guest", "/");
    good.setSaslConfig(amqplain());
    good.newConnection().close();
    ConnectionFactory bad = factory("guest", "nope", "/");
    bad.setSaslConfig(amqplain());
    assertThatThrownBy(bad::newConnection).isInstanceOf(AuthenticationFailureException.class);
  }

  @Test
  void passwordChangeAppliesToTheNextLogin() throws Exception {
    broker.broker().addUser("carol", "old");
    broker.broker().setPermissions("/", "carol", ".*", ".*", ".*");
    factory("carol", "old", "/").newConnection().close();
    broker.broker().changePassword("carol", "new");
    assertThatThrownBy(() -> factory("carol", "old", "/").newConnection())
        .isInstanceOf(AuthenticationFailureException.class);
    factory("carol", "new", "/").newConnection().close();
    broker.broker().deleteUser("carol");
    assertThatThrownBy(() -> factory("carol", "new", "/").newConnection())
        .isInstanceOf(AuthenticationFailureException.class);
  }

  // ---- configure ----

  @Test
  void configureGovernsDeclareAndDeleteOfQueuesAndExchanges() throws Exception {
    alice("^(cfg-|amq\\.gen)", "", "");
    allowed(ch -> ch.queueDeclare("cfg-q", false, false, true, null));
    allowed(ch -> ch.queueDeclare()); // server-named: amq.gen-... checked like any name
    allowed(ch -> ch.exchangeDeclare("cfg-x", BuiltinExchangeType.FANOUT));
    allowed(ch -> ch.exchangeDelete("cfg-x"));
    allowed(ch -> ch.queueDelete("cfg-q"));
    refused(ch -> ch.queueDeclare("other", false, false, true, null), "queue 'other'");
    refused(ch -> ch.exchangeDeclare("other-x", BuiltinExchangeType.FANOUT), "exchange 'other-x'");
    setup().queueDeclare("other", false, false, false, null);
    setup().exchangeDeclare("other-x", BuiltinExchangeType.FANOUT);
    refused(ch -> ch.queueDelete("other"), "queue 'other'");
    refused(ch -> ch.exchangeDelete("other-x"), "exchange 'other-x'");
    // Passive declares need no permission.
    allowed(ch -> ch.queueDeclarePassive("other"));
    allowed(ch -> ch.exchangeDeclarePassive("other-x"));
    setup().queueDelete("other");
    setup().exchangeDelete("other-x");
  }

  @Test
  void serverNamedQueueIsRefusedWithoutConfigureOnItsName() throws Exception {
    alice("^cfg-", "", "");
    Channel channel = limited.createChannel();
    assertThatThrownBy(channel::queueDeclare)
        .satisfies(
            e -> {
              assertThat(BrokerTestSupport.replyCode(e)).isEqualTo(403);
              assertThat(BrokerTestSupport.replyText(e)).contains("queue 'amq.gen-");
            });
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void deadLetterAndAlternateExchangesNeedWriteOnThem() throws Exception {
    alice(".*", "^ok-", ".*");
    allowed(
        ch ->
            ch.queueDeclare(
                "q-dlx", false, false, true, Map.of("x-dead-letter-exchange", "ok-dlx")));
    refused(
        ch ->
            ch.queueDeclare("q-dlx2", false, false, true, Map.of("x-dead-letter-exchange", "bad")),
        "exchange 'bad'");
    refused(
        ch ->
            ch.exchangeDeclare(
                "x-ae", "fanout", false, true, Map.of("alternate-exchange", "bad-ae")),
        "exchange 'bad-ae'");
  }

  // ---- write ----

  @Test
  void writeGovernsPublishIncludingTheDefaultExchange() throws Exception {
    alice("", "^(amq\\.default|w-x)$", "");
    setup().exchangeDeclare("w-x", BuiltinExchangeType.FANOUT, false, true, null);
    setup().exchangeDeclare("n-x", BuiltinExchangeType.FANOUT, false, true, null);
    allowed(
        ch -> {
          ch.basicPublish("w-x", "", null, new byte[1]);
          ch.basicPublish("", "nowhere", null, new byte[1]);
          ch.basicQos(1); // a round trip: a refusal would have closed the channel
        });
  }

  @Test
  void publishToAnExchangeWithoutWriteClosesTheChannel() throws Exception {
    alice("", "^w-x$", "");
    setup().exchangeDeclare("n-x", BuiltinExchangeType.FANOUT, false, true, null);
    refused(
        ch -> {
          ch.basicPublish("n-x", "", null, new byte[1]);
          ch.basicQos(1); // a round trip: the close arrives first
        },
        "exchange 'n-x'");
    refused(
        ch -> {
          ch.basicPublish("", "q", null, new byte[1]);
          ch.basicQos(1);
        },
        "exchange 'amq.default'");
  }

  @Test
  void queueBindNeedsWriteOnTheQueueAndReadOnTheExchange() throws Exception {
    alice("", "^bq$", "^bx$");
    setup().queueDeclare("bq", false, false, true, null);
    setup().queueDeclare("other-q", false, false, true, null);
    setup().exchangeDeclare("bx", BuiltinExchangeType.DIRECT, false, true, null);
    setup().exchangeDeclare("other-x", BuiltinExchangeType.DIRECT, false, true, null);
    allowed(ch -> ch.queueBind("bq", "bx", "k"));
    allowed(ch -> ch.queueUnbind("bq", "bx", "k"));
    refused(ch -> ch.queueBind("other-q", "bx", "k"), "queue 'other-q'");
    refused(ch -> ch.queueBind("bq", "other-x", "k"), "exchange 'other-x'");
    refused(ch -> ch.queueUnbind("bq", "other-x", "k"), "exchange 'other-x'");
  }

  @Test
  void exchangeBindNeedsWriteOnDestinationAndReadOnSource() throws Exception {
    alice("", "^dst$", "^src$");
    Channel setup = setup();
    for (String x : new String[] {"src", "dst", "other"}) {
      setup.exchangeDeclare(x, BuiltinExchangeType.FANOUT, false, true, null);
    }
    allowed(ch -> ch.exchangeBind("dst", "src", ""));
    allowed(ch -> ch.exchangeUnbind("dst", "src", ""));
    refused(ch -> ch.exchangeBind("other", "src", ""), "exchange 'other'");
    refused(ch -> ch.exchangeBind("dst", "other", ""), "exchange 'other'");
  }

  // ---- read ----

  @Test
  void readGovernsGetConsumeAndPurge() throws Exception {
    alice("", "", "^r-q$");
    setup().queueDeclare("r-q", false, false, false, null);
    setup().queueDeclare("n-q", false, false, false, null);
    // Confirmed, so the message is in the queue before alice's connection asks for it.
    Channel publisher = setup();
    publisher.confirmSelect();
    publisher.basicPublish("", "r-q", null, "m".getBytes(StandardCharsets.UTF_8));
    publisher.waitForConfirmsOrDie(10_000);
    allowed(ch -> assertThat(ch.basicGet("r-q", true)).isNotNull());
    allowed(ch -> ch.basicConsume("r-q", true, new DefaultConsumer(ch)));
    allowed(ch -> ch.queuePurge("r-q"));
    refused(ch -> ch.basicGet("n-q", true), "queue 'n-q'");
    refused(ch -> ch.basicConsume("n-q", true, new DefaultConsumer(ch)), "queue 'n-q'");
    refused(ch -> ch.queuePurge("n-q"), "queue 'n-q'");
    setup().queueDelete("r-q");
    setup().queueDelete("n-q");
  }

  @Test
  void permissionChangesApplyToTheNextOperation() throws Exception {
    alice("", "", "^a$");
    setup().queueDeclare("live-q", false, false, true, null);
    refused(ch -> ch.basicGet("live-q", true), "queue 'live-q'");
    broker.broker().setPermissions(VHOST, "alice", "", "", "^live-q$");
    allowed(ch -> ch.basicGet("live-q", true));
    broker.broker().clearPermissions(VHOST, "alice");
    refused(ch -> ch.basicGet("live-q", true), "queue 'live-q'");
  }

  @Test
  void permissionIsCheckedBeforeExistenceAsInRabbitMq() throws Exception {
    // Observed on RabbitMQ 3.10: a refused user learns nothing about what exists (403, not 404).
    alice("", "", "");
    refused(ch -> ch.queueDelete("missing-q"), "queue 'missing-q'");
    refused(ch -> ch.exchangeDelete("missing-x"), "exchange 'missing-x'");
    refused(ch -> ch.basicGet("missing-q", true), "queue 'missing-q'");
    refused(
        ch -> {
          ch.basicPublish("missing-x", "", null, new byte[1]);
          ch.basicQos(1);
        },
        "exchange 'missing-x'");
    Channel channel = limited.createChannel();
    assertThatThrownBy(() -> channel.queueDeclarePassive("missing-q"))
        .satisfies(e -> assertThat(BrokerTestSupport.replyCode(e)).isEqualTo(404));
  }

  // ---- vhosts ----

  @Test
  void deletingAVhostClosesItsConnectionsWith320() throws Exception {
    broker.broker().addVhost("doomed");
    broker.broker().setPermissions("doomed", "guest", ".*", ".*", ".*");
    Connection doomed = factory("guest", "guest", "doomed").newConnection();
    doomed.createChannel().queueDeclare("d-q", true, false, false, null);
    assertThat(broker.broker().vhosts()).contains("doomed");
    broker.broker().deleteVhost("doomed");
    BrokerTestSupport.await(() -> !doomed.isOpen(), Duration.ofSeconds(5));
    assertThat(doomed.getCloseReason().getReason())
        .isInstanceOfSatisfying(
            com.rabbitmq.client.AMQP.Connection.Close.class,
            close -> assertThat(close.getReplyCode()).isEqualTo(320));
    assertThat(broker.broker().vhosts()).doesNotContain("doomed");
    assertThatThrownBy(() -> factory("guest", "guest", "doomed").newConnection())
        .satisfies(e -> assertThat(BrokerTestSupport.replyCode(e)).isEqualTo(530));
  }

  /** AMQPLAIN: a field table without its length prefix holding LOGIN and PASSWORD. */
  private static SaslConfig amqplain() {
    return mechanisms ->
        new SaslMechanism() {
          @Override
          public String getName() {
            return "AMQPLAIN";
          }

          @Override
          public LongString handleChallenge(LongString challenge, String user, String password) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            entry(out, "LOGIN", user);
            entry(out, "PASSWORD", password);
            return LongStringHelper.asLongString(out.toByteArray());
          }
        };
  }

  private static void entry(ByteArrayOutputStream out, String key, String value) {
    byte[] k = key.getBytes(StandardCharsets.UTF_8);
    byte[] v = value.getBytes(StandardCharsets.UTF_8);
    out.write(k.length);
    out.writeBytes(k);
    out.write('S');
    out.write(v.length >>> 24);
    out.write(v.length >>> 16);
    out.write(v.length >>> 8);
    out.write(v.length);
    out.writeBytes(v);
  }
}
