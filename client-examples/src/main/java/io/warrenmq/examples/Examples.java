package io.warrenmq.examples;

import io.warrenmq.examples.credentials.Producer;
import io.warrenmq.examples.tutorial1.Receive;
import io.warrenmq.examples.tutorial1.Send;
import io.warrenmq.examples.tutorial2.NewTask;
import io.warrenmq.examples.tutorial2.Worker;
import io.warrenmq.examples.tutorial3.EmitLog;
import io.warrenmq.examples.tutorial3.ReceiveLogs;
import io.warrenmq.examples.tutorial4.EmitLogDirect;
import io.warrenmq.examples.tutorial4.ReceiveLogsDirect;
import io.warrenmq.examples.tutorial5.EmitLogTopic;
import io.warrenmq.examples.tutorial5.ReceiveLogsTopic;
import io.warrenmq.examples.tutorial6.FibonacciRpcClient;
import io.warrenmq.examples.tutorial6.RpcServer;
import io.warrenmq.examples.tutorial7.PublisherConfirms;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The runnable jar's entry point: {@code java -jar warrenmq-examples.jar <name> [args...]} runs the
 * example named after its pika script ({@code send}, {@code receive}, {@code new_task}...).
 */
public final class Examples {
  /** One example program: a {@code main(String[])}. */
  @FunctionalInterface
  interface Program {
    void main(String[] argv) throws Exception;
  }

  /** The examples by pika script name, in tutorial order. */
  static final Map<String, Program> PROGRAMS = programs();

  private Examples() {}

  private static Map<String, Program> programs() {
    Map<String, Program> programs = new LinkedHashMap<>();
    programs.put("send", Send::main);
    programs.put("receive", Receive::main);
    programs.put("new_task", NewTask::main);
    programs.put("worker", Worker::main);
    programs.put("emit_log", EmitLog::main);
    programs.put("receive_logs", ReceiveLogs::main);
    programs.put("emit_log_direct", EmitLogDirect::main);
    programs.put("receive_logs_direct", ReceiveLogsDirect::main);
    programs.put("emit_log_topic", EmitLogTopic::main);
    programs.put("receive_logs_topic", ReceiveLogsTopic::main);
    programs.put("rpc_server", RpcServer::main);
    programs.put("rpc_client", FibonacciRpcClient::main);
    programs.put("publisher_confirms", PublisherConfirms::main);
    programs.put("credentials", Producer::main);
    return Collections.unmodifiableMap(programs);
  }

  /** Runs the example {@code args[0]} with the remaining arguments. */
  public static void main(String[] args) throws Exception {
    Program program = args.length > 0 ? PROGRAMS.get(args[0].replace('-', '_')) : null;
    if (program == null) {
      System.err.println("Usage: run.sh <example> [args...]   (broker from AMQP_URL)");
      System.err.println("Examples: " + String.join(", ", PROGRAMS.keySet()));
      System.exit(2);
    }
    program.main(Arrays.copyOfRange(args, 1, args.length));
  }
}
