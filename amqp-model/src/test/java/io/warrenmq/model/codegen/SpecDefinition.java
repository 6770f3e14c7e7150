package io.warrenmq.model.codegen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Our definition of AMQP 0-9-1, parsed from {@code amqp-model/spec/amqp-0-9-1.txt} (the grammar is
 * at the top of that file).
 */
record SpecDefinition(List<Constant> constants, List<Reply> replies, List<ClassDef> classes) {

  static final Path DEFAULT_LOCATION = Path.of("spec", "amqp-0-9-1.txt");

  record Constant(String name, int value) {}

  record Reply(int code, String name, String scope) {}

  record Field(String type, String name, boolean reserved) {}

  record MethodDef(
      String name,
      int index,
      boolean synchronous,
      boolean content,
      List<String> replies,
      List<Field> fields) {}

  record ClassDef(String name, int index, List<Field> properties, List<MethodDef> methods) {}

  static SpecDefinition load(Path file) throws IOException {
    return parse(Files.readAllLines(file));
  }

  static SpecDefinition parse(List<String> lines) {
    List<Constant> constants = new ArrayList<>();
    List<Reply> replies = new ArrayList<>();
    List<ClassDef> classes = new ArrayList<>();
    List<MethodDef> methods = null;
    List<Field> properties = null;
    List<Field> fields = null;
    int lineNumber = 0;
    for (String raw : lines) {
      lineNumber++;
      String line = raw.replaceFirst("#.*", "").trim();
      if (line.isEmpty()) {
        continue;
      }
      List<String> words = Arrays.asList(line.split("\\s+"));
      try {
        switch (words.get(0)) {
          case "constant" ->
              constants.add(new Constant(words.get(1), Integer.parseInt(words.get(2))));
          case "reply" ->
              replies.add(new Reply(Integer.parseInt(words.get(1)), words.get(2), words.get(3)));
          case "class" -> {
            methods = new ArrayList<>();
            properties = new ArrayList<>();
            classes.add(
                new ClassDef(words.get(1), Integer.parseInt(words.get(2)), properties, methods));
          }
          case "property" -> properties.add(new Field(words.get(1), words.get(2), false));
          case "method" -> {
            fields = new ArrayList<>();
            List<String> replyNames = List.of();
            int arrow = words.indexOf("->");
            if (arrow >= 0) {
              replyNames = List.of(words.get(arrow + 1).split(","));
            }
            methods.add(
                new MethodDef(
                    words.get(1),
                    Integer.parseInt(words.get(2)),
                    words.contains("sync"),
                    words.contains("content"),
                    replyNames,
                    fields));
          }
          case "reserved" -> fields.add(new Field(words.get(1), words.get(2), true));
          default -> fields.add(new Field(words.get(0), words.get(1), false));
        }
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("spec line " + lineNumber + ": " + raw, e);
      }
    }
    return new SpecDefinition(constants, replies, classes);
  }
}
