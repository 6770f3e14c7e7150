package io.warrenmq.examples;

import io.warrenmq.broker.EmbeddedBroker;
import io.warrenmq.broker.testing.WarrenBrokerExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The tutorials against an in-process WarrenMQ on an ephemeral port. */
@ExtendWith(WarrenBrokerExtension.class)
class WarrenMqTutorialsIT extends TutorialsContract {
  private static String url;

  @BeforeAll
  static void broker(EmbeddedBroker broker) {
    url = broker.uri();
  }

  @Override
  String url() {
    return url;
  }
}
