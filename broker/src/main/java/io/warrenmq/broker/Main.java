package io.warrenmq.broker;

import io.warrenmq.broker.config.ConfigException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar warrenmq-broker.jar [--port N] [--bind ADDR] [--data-dir DIR] [--config FILE]
 * [--management-port N] [--prometheus-port N]}; port -1 runs no management API or Prometheus
 * endpoint. The config file is in RabbitMQ's {@code rabbitmq.conf} style (see {@link
 * io.warrenmq.broker.config.ConfigKeys}); a bad key or value stops the start with exit code 2.
 * Flags override the config file, whatever their order. SIGTERM (or Ctrl-C) stops the broker
 * cleanly: every connection is closed with 320 CONNECTION_FORCED.
 */
public final class Main {
  private static final String LOGBACK_CONFIG = "logback.configurationFile";

  private Main() {}

  public static void main(String[] args) throws Exception {
    if (System.getProperty(LOGBACK_CONFIG) == null) {
      // Before the first logger exists: the broker's own setup, not an embedding application's.
      System.setProperty(LOGBACK_CONFIG, "warrenmq-logback.xml");
    }
    BrokerConfig config;
    try {
      config = parse(args);
    } catch (ConfigException | java.io.IOException e) {
      System.err.println("warrenmq-broker: bad configuration: " + e.getMessage());
      System.exit(2);
      return;
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(
          "usage: warrenmq-broker [--port N] [--bind ADDR] [--data-dir DIR] [--config FILE]"
              + " [--management-port N] [--prometheus-port N]");
      System.exit(2);
      return;
    }
    if (config.dataDir() != null) {
      LogFile.attach(config.dataDir());
    }
    Broker broker = new Broker(config);
    broker.start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  broker.stop();
                  stopped.countDown();
                },
                "warren-shutdown"));
    broker.onStopRequested(stopped::countDown); // warrenctl stop
    stopped.await();
  }

  /** Parses the command line; the config file is applied first, flags after it. */
  public static BrokerConfig parse(String[] args) throws java.io.IOException {
    BrokerConfig config = BrokerConfig.defaults();
    String port = null;
    String bind = null;
    String dataDir = null;
    String file = null;
    String managementPort = null;
    String prometheusPort = null;
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (flag.equals("--help") || flag.equals("-h")) {
        throw new IllegalArgumentException("WarrenMQ broker");
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value for " + flag);
      }
      String value = args[++i];
      switch (flag) {
        case "--port" -> port = value;
        case "--bind" -> bind = value;
        case "--data-dir" -> dataDir = value;
        case "--config" -> file = value;
        case "--management-port" -> managementPort = value;
        case "--prometheus-port" -> prometheusPort = value;
        default -> throw new IllegalArgumentException("unknown option " + flag);
      }
    }
    if (file != null) {
      config = config.fromFile(Path.of(file));
    }
    if (port != null) {
      try {
        config = config.withPort(Integer.parseInt(port));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bad port " + port);
      }
    }
    if (managementPort != null) {
      try {
        config = config.withManagementPort(Integer.parseInt(managementPort));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bad management port " + managementPort);
      }
    }
    if (prometheusPort != null) {
      try {
        config = config.withPrometheusPort(Integer.parseInt(prometheusPort));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bad prometheus port " + prometheusPort);
      }
    }
    if (bind != null) {
      config = config.withBindAddress(bind);
    }
    if (dataDir != null) {
      config = config.withDataDir(Path.of(dataDir));
    }
    return config;
  }
}
