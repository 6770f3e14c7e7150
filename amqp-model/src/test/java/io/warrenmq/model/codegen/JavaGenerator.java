package io.warrenmq.model.codegen;

import io.warrenmq.model.codegen.SpecDefinition.ClassDef;
import io.warrenmq.model.codegen.SpecDefinition.Field;
import io.warrenmq.model.codegen.SpecDefinition.MethodDef;
import io.warrenmq.model.codegen.SpecDefinition.Reply;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the Java sources of {@code io.warrenmq.model.generated} from a {@link SpecDefinition}: one
 * file per AMQP class holding a record per method, the method decode switch, the content
 * properties, the reply codes and the constants.
 */
final class JavaGenerator {
  static final String PACKAGE = "io.warrenmq.model.generated";
  static final String DIRECTORY = "src/main/java/io/warrenmq/model/generated";

  private static final String HEADER =
      "// Generated from amqp-model/spec/amqp-0-9-1.txt by io.warrenmq.model.codegen.JavaGenerator.\n"
          + "// Do not edit: change the spec and regenerate (see the spec file's header).\n";

  private final SpecDefinition spec;

  JavaGenerator(SpecDefinition spec) {
    this.spec = spec;
  }

  /**
   * Regenerates the sources in place; run from the amqp-model folder. The usual way is the test:
   * {@code mvn -pl amqp-model test -Dtest=GeneratedSourcesTest -Dcodegen.write=true}.
   */
  public static void main(String[] args) throws java.io.IOException {
    java.nio.file.Path directory = java.nio.file.Path.of(DIRECTORY);
    java.nio.file.Files.createDirectories(directory);
    for (Map.Entry<String, String> file :
        new JavaGenerator(SpecDefinition.load(SpecDefinition.DEFAULT_LOCATION))
            .generate()
            .entrySet()) {
      java.nio.file.Files.writeString(directory.resolve(file.getKey()), file.getValue());
    }
  }

  /** File name to content, for every generated file. */
  Map<String, String> generate() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("AmqpConstants.java", constants());
    files.put("ReplyCode.java", replyCodes());
    for (ClassDef amqpClass : spec.classes()) {
      files.put(javaName(amqpClass.name()) + ".java", amqpClass(amqpClass));
      if (!amqpClass.properties().isEmpty()) {
        files.put("BasicProperties.java", PropertiesGenerator.generate(HEADER, PACKAGE, amqpClass));
      }
    }
    files.put("MethodCodec.java", methodCodec());
    return files;
  }

  private String constants() {
    StringBuilder out = new StringBuilder(HEADER);
    out.append("package ").append(PACKAGE).append(";\n\n");
    out.append("/** Protocol constants of AMQP 0-9-1. */\n");
    out.append("public final class AmqpConstants {\n");
    out.append("  private AmqpConstants() {}\n");
    for (SpecDefinition.Constant constant : spec.constants()) {
      out.append("\n  /** ").append(constant.name()).append(". */\n");
      out.append("  public static final int ")
          .append(constantName(constant.name()))
          .append(" = ")
          .append(constant.value())
          .append(";\n");
    }
    out.append("}\n");
    return out.toString();
  }

  private String replyCodes() {
    StringBuilder out = new StringBuilder(HEADER);
    out.append("package ").append(PACKAGE).append(";\n\n");
    out.append("import java.util.Optional;\n\n");
    out.append(
        "/** The AMQP reply codes, and whether each closes a channel or the connection. */\n");
    out.append("public enum ReplyCode {\n");
    List<Reply> replies = spec.replies();
    for (int i = 0; i < replies.size(); i++) {
      Reply reply = replies.get(i);
      out.append("  /** ")
          .append(reply.code())
          .append(", a ")
          .append(reply.scope())
          .append(reply.scope().equals("success") ? "" : " error")
          .append(". */\n");
      out.append("  ")
          .append(constantName(reply.name()))
          .append("(")
          .append(reply.code())
          .append(", ")
          .append(reply.scope().equals("connection"))
          .append(i == replies.size() - 1 ? ");\n" : "),\n");
    }
    out.append(
        """

          private final int code;
          private final boolean hardError;

          ReplyCode(int code, boolean hardError) {
            this.code = code;
            this.hardError = hardError;
          }

          /** The numeric code sent on the wire. */
          public int code() {
            return code;
          }

          /** True when an error with this code closes the whole connection (a "hard" error). */
          public boolean isHardError() {
            return hardError;
          }

          /** The reply code with this number, if it is one of the codes AMQP defines. */
          public static Optional<ReplyCode> forCode(int code) {
            return switch (code) {
        """);
    for (Reply reply : replies) {
      out.append("      case ")
          .append(reply.code())
          .append(" -> Optional.of(")
          .append(constantName(reply.name()))
          .append(");\n");
    }
    out.append("      default -> Optional.empty();\n    };\n  }\n}\n");
    return out.toString();
  }

  private String amqpClass(ClassDef amqpClass) {
    String className = javaName(amqpClass.name());
    StringBuilder out = new StringBuilder(HEADER);
    out.append("package ").append(PACKAGE).append(";\n\n");
    out.append("import io.netty.buffer.ByteBuf;\n");
    out.append("import io.warrenmq.model.Method;\n");
    out.append("import io.warrenmq.model.codec.Wire;\n");
    boolean tables = uses(amqpClass, "table");
    boolean longStrings = uses(amqpClass, "longstr");
    boolean references =
        amqpClass.methods().stream()
            .flatMap(m -> m.fields().stream())
            .anyMatch(f -> !f.reserved() && isReference(f.type()));
    if (tables) {
      out.append("import io.warrenmq.model.codec.FieldTables;\n");
    }
    if (longStrings) {
      out.append("import io.warrenmq.model.LongString;\n");
    }
    if (tables) {
      out.append("import java.util.Map;\n");
    }
    if (references) {
      out.append("import java.util.Objects;\n");
    }
    out.append("\n/** The methods of AMQP class {@code ")
        .append(amqpClass.name())
        .append("} (")
        .append(amqpClass.index())
        .append("). */\n");
    out.append("public final class ").append(className).append(" {\n");
    out.append("  /** The class index. */\n");
    out.append("  public static final int CLASS_INDEX = ")
        .append(amqpClass.index())
        .append(";\n\n");
    out.append("  private ").append(className).append("() {}\n");
    for (MethodDef method : amqpClass.methods()) {
      out.append('\n');
      new MethodGenerator(amqpClass, method).appendTo(out);
    }
    out.append("}\n");
    return out.toString();
  }

  private static boolean uses(ClassDef amqpClass, String type) {
    return amqpClass.methods().stream()
        .flatMap(m -> m.fields().stream())
        .anyMatch(f -> !f.reserved() && f.type().equals(type));
  }

  private String methodCodec() {
    StringBuilder out = new StringBuilder(HEADER);
    out.append("package ").append(PACKAGE).append(";\n\n");
    out.append("import io.netty.buffer.ByteBuf;\n");
    out.append("import io.warrenmq.model.AmqpException;\n");
    out.append("import io.warrenmq.model.Method;\n\n");
    out.append("/** Decodes method arguments, dispatching on class and method index. */\n");
    out.append("public final class MethodCodec {\n");
    out.append("  private MethodCodec() {}\n\n");
    out.append("  /**\n");
    out.append(
        "   * Reads the arguments of the method {@code classIndex/methodIndex} from {@code in}.\n");
    out.append("   *\n");
    out.append(
        "   * @throws AmqpException 540 NOT_IMPLEMENTED for an unknown method, 501 FRAME_ERROR\n");
    out.append("   *     for truncated arguments, 502 SYNTAX_ERROR for illegal field values\n");
    out.append("   */\n");
    out.append("  public static Method read(int classIndex, int methodIndex, ByteBuf in) {\n");
    out.append("    try {\n");
    out.append("      return switch ((classIndex << 16) | methodIndex) {\n");
    for (ClassDef amqpClass : spec.classes()) {
      for (MethodDef method : amqpClass.methods()) {
        out.append(
            String.format(
                "        case 0x%04X%04X -> %s.%s.read(in);%n",
                amqpClass.index(),
                method.index(),
                javaName(amqpClass.name()),
                javaName(method.name())));
      }
    }
    out.append("        default -> throw AmqpException.notImplemented(\n");
    out.append("            \"unknown method \" + classIndex + \"/\" + methodIndex);\n");
    out.append("      };\n");
    out.append("    } catch (AmqpException e) {\n");
    out.append("      throw e.forMethod(classIndex, methodIndex);\n");
    out.append("    }\n");
    out.append("  }\n");
    out.append("}\n");
    return out.toString().replace("\r\n", "\n");
  }

  static boolean isReference(String type) {
    return switch (type) {
      case "shortstr", "longstr", "timestamp", "table" -> true;
      default -> false;
    };
  }

  /** {@code update-secret-ok} becomes {@code UpdateSecretOk}. */
  static String javaName(String specName) {
    StringBuilder out = new StringBuilder();
    for (String part : specName.split("-")) {
      out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return out.toString();
  }

  /** {@code reply-code} becomes {@code replyCode}. */
  static String fieldName(String specName) {
    String name = javaName(specName);
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  /** {@code frame-end} becomes {@code FRAME_END}. */
  static String constantName(String specName) {
    return specName.toUpperCase().replace('-', '_');
  }

  static String javaType(String type) {
    return switch (type) {
      case "bit" -> "boolean";
      case "octet", "short" -> "int";
      case "long", "longlong" -> "long";
      case "shortstr" -> "String";
      case "longstr" -> "LongString";
      case "timestamp" -> "java.time.Instant";
      case "table" -> "Map<String, Object>";
      default -> throw new IllegalArgumentException("unknown type " + type);
    };
  }

  static List<Field> nonReserved(List<Field> fields) {
    List<Field> result = new ArrayList<>();
    for (Field field : fields) {
      if (!field.reserved()) {
        result.add(field);
      }
    }
    return result;
  }
}
