package io.warrenmq.broker.testing;

import io.warrenmq.broker.EmbeddedBroker;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one in-process broker per test class, on an ephemeral port, and injects it as an {@link
 * EmbeddedBroker} parameter into constructors, lifecycle methods and tests:
 *
 * <pre>{@code
 * @ExtendWith(WarrenBrokerExtension.class)
 * class MyIT {
 *   @Test
 *   void publishes(EmbeddedBroker broker) { factory.setPort(broker.port()); ... }
 * }
 * }</pre>
 */
public final class WarrenBrokerExtension
    implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(WarrenBrokerExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    store(context).put("broker", EmbeddedBroker.start());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    EmbeddedBroker broker = store(context).remove("broker", EmbeddedBroker.class);
    if (broker != null) {
      broker.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == EmbeddedBroker.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    ExtensionContext classContext = context;
    while (classContext.getStore(NAMESPACE).get("broker") == null
        && classContext.getParent().isPresent()) {
      classContext = classContext.getParent().get();
    }
    return classContext.getStore(NAMESPACE).get("broker", EmbeddedBroker.class);
  }

  private static ExtensionContext.Store store(ExtensionContext context) {
    return context.getStore(NAMESPACE);
  }
}
