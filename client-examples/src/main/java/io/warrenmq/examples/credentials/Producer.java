package io.warrenmq.examples.credentials;

import io.warrenmq.client.BlockingChannel;
import io.warrenmq.client.BlockingConnection;
import io.warrenmq.client.PlainCredentials;
import io.warrenmq.client.URLParameters;
import io.warrenmq.model.generated.BasicProperties;

/**
 * The seeds' producer with credentials: logs in as user {@code qqc} with password {@code 123}
 * (whatever user {@code AMQP_URL} names) and puts one persistent message on the durable queue
 * {@code hello_one}.
 */
public final class Producer {
  private Producer() {}

  /** Runs the program; no arguments. */
  public static void main(String[] argv) {
    String url = System.getenv().getOrDefault("AMQP_URL", "amqp://guest:guest@localhost:5672/");
    PlainCredentials credentials = new PlainCredentials("qqc", "123");

    URLParameters parameters = new URLParameters(url);
    parameters.credentials(credentials);
    BlockingConnection connection = new BlockingConnection(parameters);

    BlockingChannel channel = connection.channel();

    channel.queueDeclare("hello_one", o -> o.durable(true));

    channel.basicPublish(
        "",
        "hello_one",
        "Hello World",
        BasicProperties.builder()
            .deliveryMode(2) // make message persistent
            .build());

    System.out.println(" [x] Sent 'Hello World!'");

    connection.close();
  }
}
