package io.warrenmq.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The dispatcher knows every pika script name, and each has its original in the resources. */
@Timeout(10)
class ExamplesTest {

  @Test
  void dispatcherNamesFollowThePikaScripts() {
    assertThat(Examples.PROGRAMS.keySet())
        .containsExactly(
            "send",
            "receive",
            "new_task",
            "worker",
            "emit_log",
            "receive_logs",
            "emit_log_direct",
            "receive_logs_direct",
            "emit_log_topic",
            "receive_logs_topic",
            "rpc_server",
            "rpc_client",
            "publisher_confirms",
            "credentials");
  }

  @Test
  void everyPortHasItsPikaOriginalExceptPublisherConfirms() {
    for (String name : Examples.PROGRAMS.keySet()) {
      if (!name.equals("publisher_confirms")) {
        assertThat(Files.isRegularFile(Pika.script(name))).as(name).isTrue();
      }
    }
  }
}
