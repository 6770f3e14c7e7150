package io.warrenmq.tck;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * {@code java -jar warrenmq-tck.jar amqp://user:pass@host:port/vhost [options]}: runs every case
 * against that broker with the JUnit Platform Launcher, prints one line per case and, last, {@code
 * N passed, M failed, K skipped}. Exit status 0 when nothing failed, 1 otherwise, 2 on bad usage.
 *
 * <p>Options: {@code --include-tag T} / {@code --exclude-tag T} (repeatable; the areas are the
 * tags: connection, channels, exchanges, queues, consuming, qos, confirms, transactions, returns,
 * properties, errors), {@code --denied-vhost V} (a vhost the user may not open, for the 530 case).
 */
public final class TckMain {
  private TckMain() {}

  /** Runs the suite; see the class comment for the arguments. */
  public static void main(String[] args) {
    System.exit(run(args, System.out));
  }

  static int run(String[] args, PrintStream out) {
    String uri = null;
    List<String> include = new ArrayList<>();
    List<String> exclude = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--include-tag" -> include.add(args[++i]);
        case "--exclude-tag" -> exclude.add(args[++i]);
        case "--denied-vhost" -> System.setProperty("tck.denied.vhost", args[++i]);
        default -> uri = args[i];
      }
    }
    if (uri == null || !uri.startsWith("amqp")) {
      out.println(
          "usage: java -jar warrenmq-tck.jar amqp://user:pass@host:port/vhost"
              + " [--include-tag T] [--exclude-tag T] [--denied-vhost V]");
      return 2;
    }
    // The jar carries no broker: the URI is the only target.
    System.setProperty("tck.target", "uri");
    System.setProperty("tck.broker.uri", uri);
    LauncherDiscoveryRequestBuilder request =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(selectPackage("io.warrenmq.tck.cases"))
            .configurationParameter("junit.jupiter.execution.timeout.mode", "enabled");
    if (!include.isEmpty()) {
      request.filters(TagFilter.includeTags(include));
    }
    if (!exclude.isEmpty()) {
      request.filters(TagFilter.excludeTags(exclude));
    }
    LauncherDiscoveryRequest discovery = request.build();
    ReportListener report = new ReportListener(out);
    Launcher launcher = LauncherFactory.create();
    launcher.execute(discovery, report);
    out.println(
        report.passed()
            + " passed, "
            + report.failed()
            + " failed, "
            + report.skipped()
            + " skipped");
    return report.failed() == 0 ? 0 : 1;
  }
}
