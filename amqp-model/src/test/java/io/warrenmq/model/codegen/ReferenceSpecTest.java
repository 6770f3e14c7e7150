package io.warrenmq.model.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.warrenmq.model.codegen.SpecDefinition.ClassDef;
import io.warrenmq.model.codegen.SpecDefinition.Field;
import io.warrenmq.model.codegen.SpecDefinition.MethodDef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cross-checks our own definition against RabbitMQ's machine-readable one, when the workspace has
 * it beside the repository ({@code ../shared/amqp}). It is reference material only: we compare
 * facts (indexes, argument order and types, flags), we never generate from it.
 */
class ReferenceSpecTest {
  private static final Path REFERENCE =
      Path.of("..", "..", "shared", "amqp", "amqp-rabbitmq-0.9.1.json");

  private static Map<String, Object> reference;
  private static SpecDefinition ours;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void load() throws IOException {
    assumeTrue(Files.exists(REFERENCE), "no reference definition at " + REFERENCE.toAbsolutePath());
    reference = (Map<String, Object>) TinyJson.parse(Files.readString(REFERENCE));
    ours = SpecDefinition.load(SpecDefinition.DEFAULT_LOCATION);
  }

  @Test
  @SuppressWarnings("unchecked")
  void classesMethodsAndArgumentsMatch() {
    Map<String, String> domains = new TreeMap<>();
    for (Object domain : (List<Object>) reference.get("domains")) {
      List<Object> pair = (List<Object>) domain;
      domains.put((String) pair.get(0), (String) pair.get(1));
    }
    List<String> theirs = new ArrayList<>();
    for (Object c : (List<Object>) reference.get("classes")) {
      Map<String, Object> amqpClass = (Map<String, Object>) c;
      for (Object m : (List<Object>) amqpClass.get("methods")) {
        Map<String, Object> method = (Map<String, Object>) m;
        StringBuilder line = new StringBuilder();
        line.append(amqpClass.get("name"))
            .append('/')
            .append(amqpClass.get("id"))
            .append(' ')
            .append(method.get("name"))
            .append('/')
            .append(method.get("id"))
            .append(Boolean.TRUE.equals(method.get("synchronous")) ? " sync" : "")
            .append(Boolean.TRUE.equals(method.get("content")) ? " content" : "");
        for (Object a : (List<Object>) method.get("arguments")) {
          Map<String, Object> argument = (Map<String, Object>) a;
          String type = (String) argument.getOrDefault("type", null);
          if (type == null) {
            type = domains.get((String) argument.get("domain"));
          }
          line.append(' ').append(type).append(':').append(argument.get("name"));
        }
        theirs.add(line.toString());
      }
    }
    List<String> mine = new ArrayList<>();
    for (ClassDef amqpClass : ours.classes()) {
      for (MethodDef method : amqpClass.methods()) {
        StringBuilder line = new StringBuilder();
        line.append(amqpClass.name())
            .append('/')
            .append(amqpClass.index())
            .append(' ')
            .append(method.name())
            .append('/')
            .append(method.index())
            .append(method.synchronous() ? " sync" : "")
            .append(method.content() ? " content" : "");
        for (Field field : method.fields()) {
          line.append(' ').append(field.type()).append(':').append(field.name());
        }
        mine.add(line.toString());
      }
    }
    assertThat(mine).containsExactlyInAnyOrderElementsOf(theirs);
  }

  @Test
  @SuppressWarnings("unchecked")
  void propertiesAndReplyCodesMatch() {
    List<String> theirProperties = new ArrayList<>();
    for (Object c : (List<Object>) reference.get("classes")) {
      Map<String, Object> amqpClass = (Map<String, Object>) c;
      for (Object p : (List<Object>) amqpClass.getOrDefault("properties", List.of())) {
        Map<String, Object> property = (Map<String, Object>) p;
        theirProperties.add(
            amqpClass.get("name") + " " + property.get("type") + ":" + property.get("name"));
      }
    }
    List<String> myProperties = new ArrayList<>();
    for (ClassDef amqpClass : ours.classes()) {
      for (Field property : amqpClass.properties()) {
        myProperties.add(amqpClass.name() + " " + property.type() + ":" + property.name());
      }
    }
    assertThat(myProperties).containsExactlyElementsOf(theirProperties);

    List<String> theirCodes = new ArrayList<>();
    for (Object c : (List<Object>) reference.get("constants")) {
      Map<String, Object> constant = (Map<String, Object>) c;
      Object errorClass = constant.get("class");
      long value = (Long) constant.get("value");
      if (errorClass != null || value == 200) {
        String scope =
            errorClass == null
                ? "success"
                : errorClass.equals("hard-error") ? "connection" : "channel";
        theirCodes.add(value + " " + ((String) constant.get("name")).toLowerCase() + " " + scope);
      }
    }
    List<String> myCodes = new ArrayList<>();
    for (SpecDefinition.Reply reply : ours.replies()) {
      myCodes.add(reply.code() + " " + reply.name() + " " + reply.scope());
    }
    assertThat(myCodes).containsExactlyInAnyOrderElementsOf(theirCodes);
  }
}
