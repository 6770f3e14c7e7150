package io.warrenmq.broker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warrenmq.broker.BrokerConfig;
import io.warrenmq.broker.Main;
import io.warrenmq.broker.flow.MemoryCalculation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {
  @TempDir Path dir;

  private BrokerConfig load(String... lines) throws Exception {
    Path file = dir.resolve("rabbitmq.conf");
    Files.write(file, List.of(lines));
    return BrokerConfig.defaults().fromFile(file);
  }

  @Test
  void readsRabbitMqKeys() throws Exception {
    BrokerConfig config =
        load(
            "# a comment",
            "",
            "listeners.tcp.default = 127.0.0.1:5673",
            "default_user = admin",
            "default_pass = s3cret = still the password",
            "default_vhost = main",
            "vm_memory_high_watermark.relative = 0.6",
            "disk_free_limit.absolute = 1GB",
            "heartbeat = 30",
            "frame_max = 65536",
            "channel_max = 100",
            "management.tcp.port = 15673",
            "prometheus.tcp.port = 15693",
            "loopback_users.guest = false",
            "loopback_users.ops = true");
    assertThat(config.bindAddress()).isEqualTo("127.0.0.1");
    assertThat(config.port()).isEqualTo(5673);
    assertThat(config.defaultUser()).isEqualTo("admin");
    assertThat(config.defaultPassword()).isEqualTo("s3cret = still the password");
    assertThat(config.defaultVhost()).isEqualTo("main");
    assertThat(config.memory().highWatermark()).isEqualTo(0.6);
    assertThat(config.diskFreeLimitBytes()).isEqualTo(1_000_000_000L);
    assertThat(config.heartbeatSeconds()).isEqualTo(30);
    assertThat(config.frameMax()).isEqualTo(65536);
    assertThat(config.channelMax()).isEqualTo(100);
    assertThat(config.managementPort()).isEqualTo(15673);
    assertThat(config.prometheusPort()).isEqualTo(15693);
    assertThat(config.loopbackUsers()).containsExactly("ops");
  }

  @Test
  void defaultsAreRabbitMqs() {
    BrokerConfig config = BrokerConfig.defaults();
    assertThat(config.port()).isEqualTo(5672);
    assertThat(config.amqpsPort()).isEqualTo(-1);
    assertThat(config.prometheusPort()).isEqualTo(15692);
    assertThat(config.diskFreeLimitBytes()).isEqualTo(50_000_000L);
    assertThat(config.loopbackUsers()).containsExactly("guest");
    assertThat(BrokerConfig.ephemeral().prometheusPort()).isEqualTo(-1);
  }

  @Test
  void portOnlyListenerKeepsTheBindAddressAndLoopbackUsersNone() throws Exception {
    BrokerConfig config = load("listeners.tcp.default = 5999", "loopback_users = none");
    assertThat(config.bindAddress()).isEqualTo("0.0.0.0");
    assertThat(config.port()).isEqualTo(5999);
    assertThat(config.loopbackUsers()).isEmpty();
  }

  @Test
  void ownKeysStillWork() throws Exception {
    BrokerConfig config =
        load(
            "port=6000",
            "bind=127.0.0.1",
            "management.port=-1",
            "memory.high_watermark.bytes=1000",
            "memory.calculation_strategy=queued",
            "loopback_only_guest=false",
            "max_connections = 5");
    assertThat(config.port()).isEqualTo(6000);
    assertThat(config.managementPort()).isEqualTo(-1);
    assertThat(config.memory().highWatermarkBytes()).isEqualTo(1000);
    assertThat(config.memory().calculation()).isEqualTo(MemoryCalculation.QUEUED);
    assertThat(config.loopbackUsers()).isEmpty();
    assertThat(config.maxConnections()).isEqualTo(5);
  }

  @Test
  void unknownKeyNamesFileLineAndKey() {
    assertThatThrownBy(() -> load("heartbeat = 10", "", "cluster_formation.peer_discovery = x"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("rabbitmq.conf:3")
        .hasMessageContaining("'cluster_formation.peer_discovery'")
        .hasMessageContaining("unknown key");
  }

  @Test
  void badValuesAreRefusedWithTheirLine() {
    assertThatThrownBy(() -> load("heartbeat = soon"))
        .hasMessageContaining("rabbitmq.conf:1")
        .hasMessageContaining("'heartbeat'");
    assertThatThrownBy(() -> load("# x", "channel_max = 70000"))
        .hasMessageContaining("rabbitmq.conf:2")
        .hasMessageContaining("0..65535");
    assertThatThrownBy(() -> load("disk_free_limit.absolute = 50 bananas"))
        .hasMessageContaining("'disk_free_limit.absolute'");
    assertThatThrownBy(() -> load("vm_memory_high_watermark.relative = 2"))
        .hasMessageContaining("'vm_memory_high_watermark.relative'");
    assertThatThrownBy(() -> load("ssl_options.verify = maybe"))
        .hasMessageContaining("verify_peer or verify_none");
    assertThatThrownBy(() -> load("loopback_users.guest = yes"))
        .hasMessageContaining("true or false");
    assertThatThrownBy(() -> load("no equals sign here"))
        .hasMessageContaining("rabbitmq.conf:1")
        .hasMessageContaining("key = value");
  }

  @Test
  void sslListenerNeedsCertificateAndKey() throws Exception {
    assertThatThrownBy(() -> load("listeners.ssl.default = 5671"))
        .hasMessageContaining("rabbitmq.conf:1")
        .hasMessageContaining("certfile and keyfile are required");
    Path cert = Files.writeString(dir.resolve("cert.pem"), "x");
    Path key = Files.writeString(dir.resolve("key.pem"), "x");
    assertThatThrownBy(
            () ->
                load(
                    "listeners.ssl.default = 5671",
                    "ssl_options.certfile = " + cert,
                    "ssl_options.keyfile = " + key,
                    "ssl_options.verify = verify_peer"))
        .hasMessageContaining("verify_peer needs a cacertfile");
    BrokerConfig config =
        load(
            "listeners.ssl.default = 127.0.0.1:5671",
            "ssl_options.cacertfile = " + cert,
            "ssl_options.certfile = " + cert,
            "ssl_options.keyfile = " + key,
            "ssl_options.verify = verify_peer",
            "ssl_options.fail_if_no_peer_cert = true");
    assertThat(config.amqpsPort()).isEqualTo(5671);
    assertThat(config.amqpsBindAddress()).isEqualTo("127.0.0.1");
    assertThat(config.tls().verifyPeer()).isTrue();
    assertThat(config.tls().failIfNoPeerCert()).isTrue();
  }

  @Test
  void managementHttpsAloneReplacesPlainHttp() throws Exception {
    Path cert = Files.writeString(dir.resolve("cert.pem"), "x");
    BrokerConfig config =
        load(
            "management.ssl.port = 15671",
            "management.ssl.certfile = " + cert,
            "management.ssl.keyfile = " + cert);
    assertThat(config.managementSslPort()).isEqualTo(15671);
    assertThat(config.managementPort()).isEqualTo(-1);
    assertThat(config.managementTls().certFile()).isEqualTo(cert);
  }

  @Test
  void informationUnits() {
    assertThat(InformationUnits.parse("50MB")).isEqualTo(50_000_000L);
    assertThat(InformationUnits.parse("2GiB")).isEqualTo(2L << 30);
    assertThat(InformationUnits.parse("512")).isEqualTo(512);
    assertThat(InformationUnits.parse("10 kB")).isEqualTo(10_000);
    assertThat(InformationUnits.parse("3Mi")).isEqualTo(3L << 20);
    assertThatThrownBy(() -> InformationUnits.parse("-1MB"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void mainTakesTheConfigFileThenFlags() throws Exception {
    Path file = dir.resolve("rabbitmq.conf");
    Files.write(file, List.of("listeners.tcp.default = 7000", "heartbeat = 5"));
    BrokerConfig config =
        Main.parse(
            new String[] {
              "--port", "7001", "--config", file.toString(), "--prometheus-port", "-1"
            });
    assertThat(config.port()).isEqualTo(7001);
    assertThat(config.heartbeatSeconds()).isEqualTo(5);
    assertThat(config.prometheusPort()).isEqualTo(-1);
  }
}
