package io.warrenmq.model.codec;

import io.warrenmq.model.Method;
import io.warrenmq.model.generated.Access;
import io.warrenmq.model.generated.Basic;
import io.warrenmq.model.generated.Channel;
import io.warrenmq.model.generated.Confirm;
import io.warrenmq.model.generated.Connection;
import io.warrenmq.model.generated.Exchange;
import io.warrenmq.model.generated.Queue;
import io.warrenmq.model.generated.Tx;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Every generated method record, found by reflection over the generated class holders. */
final class SpecMethods {
  private SpecMethods() {}

  @SuppressWarnings("unchecked")
  static List<Class<? extends Method>> all() {
    List<Class<? extends Method>> methods = new ArrayList<>();
    for (Class<?> holder :
        List.of(
            Connection.class,
            Channel.class,
            Access.class,
            Exchange.class,
            Queue.class,
            Basic.class,
            Confirm.class,
            Tx.class)) {
      for (Class<?> nested : holder.getDeclaredClasses()) {
        if (Method.class.isAssignableFrom(nested)) {
          methods.add((Class<? extends Method>) nested);
        }
      }
    }
    methods.sort(Comparator.comparing(Class::getName));
    return methods;
  }
}
