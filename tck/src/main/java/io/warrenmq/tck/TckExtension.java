package io.warrenmq.tck;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects a {@link TckBroker} into each case. The broker is resolved once per run (a URI, or an
 * in-process one from a {@link BrokerLauncher}) and kept in the root store, so an in-process broker
 * is started once and stopped when the run ends. Each case gets its own {@link TckBroker}, kept in
 * the case's store, so its connections and the queues and exchanges it named are cleaned up after
 * the case even when it fails.
 */
public final class TckExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(TckExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TckBroker.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    RunBroker run =
        context
            .getRoot()
            .getStore(NAMESPACE)
            .getOrComputeIfAbsent(RunBroker.class, k -> RunBroker.resolve(), RunBroker.class);
    return context
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            TckBroker.class,
            k -> new TckBroker(run.uri(), TckTarget.deniedVhost().orElse(null)),
            TckBroker.class);
  }

  /** The broker of the whole run; closing it stops an in-process broker. */
  record RunBroker(String uri, BrokerLauncher launcher)
      implements ExtensionContext.Store.CloseableResource {
    static RunBroker resolve() {
      var uri = TckTarget.configuredUri();
      if (uri.isPresent()) {
        return new RunBroker(uri.get(), null);
      }
      BrokerLauncher launcher =
          TckTarget.launcher()
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "no broker: set -Dtck.broker.uri=amqp://... or TCK_BROKER_URI"));
      return new RunBroker(launcher.start(), launcher);
    }

    @Override
    public void close() {
      if (launcher != null) {
        launcher.stop();
      }
    }
  }
}
