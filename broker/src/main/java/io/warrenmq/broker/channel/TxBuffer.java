package io.warrenmq.broker.channel;

import io.warrenmq.model.Command;
import java.util.ArrayList;
import java.util.List;

/**
 * The work of an open transaction (spec class tx): publishes and acknowledgements, in arrival
 * order, applied on commit and dropped on rollback. Holds one reference to each publish command.
 */
final class TxBuffer {
  private final List<Command> pending = new ArrayList<>();

  /** Adds a publish (retains it) or an ack/nack/reject. */
  void add(Command command) {
    // Command.retain() is not covariant (an amqp-model wish), hence two statements.
    command.retain();
    pending.add(command);
  }

  /** Hands over everything buffered; the caller releases the commands. */
  List<Command> drain() {
    List<Command> drained = new ArrayList<>(pending);
    pending.clear();
    return drained;
  }

  /** Drops everything buffered. */
  void clear() {
    drain().forEach(Command::release);
  }
}
