package io.warrenmq.broker.vhost;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * An immutable set of bindings in an array, replaced whole on every change: what a direct exchange
 * keeps per routing key and a fanout exchange keeps for all. Routing walks the array by index, so a
 * publish allocates no iterator (a copy-on-write set's iterator is one object per message);
 * bindings change rarely, so copying the array then is cheap.
 *
 * <p>Confinement: immutable, safe on any thread once published through a volatile field or a
 * concurrent map.
 */
final class Bindings {
  static final Bindings EMPTY = new Bindings(new Binding[0]);

  private final Binding[] bindings;

  private Bindings(Binding[] bindings) {
    this.bindings = bindings;
  }

  boolean contains(Binding binding) {
    for (Binding existing : bindings) {
      if (existing.equals(binding)) {
        return true;
      }
    }
    return false;
  }

  /** These bindings and {@code binding} (this instance when it is already in). */
  Bindings plus(Binding binding) {
    if (contains(binding)) {
      return this;
    }
    Binding[] more = Arrays.copyOf(bindings, bindings.length + 1);
    more[bindings.length] = binding;
    return new Bindings(more);
  }

  /** These bindings without {@code binding} (this instance when it was not in). */
  Bindings minus(Binding binding) {
    for (int i = 0; i < bindings.length; i++) {
      if (bindings[i].equals(binding)) {
        Binding[] fewer = new Binding[bindings.length - 1];
        System.arraycopy(bindings, 0, fewer, 0, i);
        System.arraycopy(bindings, i + 1, fewer, i, bindings.length - i - 1);
        return fewer.length == 0 ? EMPTY : new Bindings(fewer);
      }
    }
    return this;
  }

  boolean isEmpty() {
    return bindings.length == 0;
  }

  /** Adds every binding's destination to {@code out}, in binding order. */
  void addDestinationsTo(Collection<Destination> out) {
    for (Binding binding : bindings) {
      out.add(binding.destination());
    }
  }

  List<Binding> asList() {
    return List.of(bindings);
  }
}
