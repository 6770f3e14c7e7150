package io.warrenmq.model.codegen;

import static io.warrenmq.model.codegen.JavaGenerator.fieldName;
import static io.warrenmq.model.codegen.JavaGenerator.javaName;
import static io.warrenmq.model.codegen.JavaGenerator.javaType;

import io.warrenmq.model.codegen.SpecDefinition.ClassDef;
import io.warrenmq.model.codegen.SpecDefinition.Field;
import io.warrenmq.model.codegen.SpecDefinition.MethodDef;
import java.util.ArrayList;
import java.util.List;

/** Writes the record for one method: fields, checks, size, encoder and decoder. */
final class MethodGenerator {
  private final ClassDef amqpClass;
  private final MethodDef method;
  private final String name;
  private final List<Field> fields;

  MethodGenerator(ClassDef amqpClass, MethodDef method) {
    this.amqpClass = amqpClass;
    this.method = method;
    this.name = javaName(method.name());
    this.fields = JavaGenerator.nonReserved(method.fields());
  }

  /** Consecutive bits share octets, eight to an octet; any other field ends a run of bits. */
  private List<List<Field>> wireGroups() {
    List<List<Field>> groups = new ArrayList<>();
    List<Field> bits = null;
    for (Field field : method.fields()) {
      if (field.type().equals("bit")) {
        if (bits == null || bits.size() == 8) {
          bits = new ArrayList<>();
          groups.add(bits);
        }
        bits.add(field);
      } else {
        bits = null;
        groups.add(List.of(field));
      }
    }
    return groups;
  }

  void appendTo(StringBuilder out) {
    String specName = amqpClass.name() + "." + method.name();
    out.append("  /**\n   * {@code ")
        .append(specName)
        .append("} (")
        .append(amqpClass.index())
        .append('/')
        .append(method.index())
        .append(")");
    if (method.synchronous()) {
      out.append(": synchronous, answered by ");
      List<String> replies = new ArrayList<>();
      for (String reply : method.replies()) {
        replies.add("{@link " + javaName(reply) + "}");
      }
      out.append(String.join(" or ", replies));
    }
    if (method.content()) {
      out.append(method.synchronous() ? "; " : ": ").append("carries content");
    }
    out.append(".\n");
    if (!fields.isEmpty()) {
      out.append("   *\n");
      for (Field field : fields) {
        out.append("   * @param ")
            .append(fieldName(field.name()))
            .append(" ")
            .append(field.name())
            .append(" (")
            .append(field.type())
            .append(")\n");
      }
    }
    out.append("   */\n");
    out.append("  public record ").append(name).append("(");
    for (int i = 0; i < fields.size(); i++) {
      Field field = fields.get(i);
      out.append(i == 0 ? "\n      " : ",\n      ")
          .append(javaType(field.type()))
          .append(' ')
          .append(fieldName(field.name()));
    }
    out.append(")\n      implements Method {\n");
    out.append("    /** The method index. */\n");
    out.append("    public static final int INDEX = ").append(method.index()).append(";\n");
    if (fields.isEmpty()) {
      out.append("\n    /** The only instance there needs to be. */\n");
      out.append("    public static final ")
          .append(name)
          .append(" INSTANCE = new ")
          .append(name)
          .append("();\n");
    } else {
      appendConstructor(out);
    }
    appendDescriptors(out, specName);
    appendSize(out);
    appendWrite(out);
    appendRead(out);
    out.append("  }\n");
  }

  private void appendConstructor(StringBuilder out) {
    out.append("\n    /** Checks ranges and nulls; freezes tables. */\n");
    out.append("    public ").append(name).append(" {\n");
    for (Field field : fields) {
      String f = fieldName(field.name());
      switch (field.type()) {
        case "octet", "short", "long" ->
            out.append("      Wire.check")
                .append(javaName(field.type()))
                .append("(")
                .append(f)
                .append(", \"")
                .append(field.name())
                .append("\");\n");
        case "table" ->
            out.append("      ")
                .append(f)
                .append(" = FieldTables.immutable(")
                .append(f)
                .append(");\n");
        case "shortstr", "longstr", "timestamp" ->
            out.append("      Objects.requireNonNull(")
                .append(f)
                .append(", \"")
                .append(field.name())
                .append("\");\n");
        default -> {}
      }
    }
    out.append("    }\n");
  }

  private void appendDescriptors(StringBuilder out, String specName) {
    override(out, "int classIndex()", "CLASS_INDEX");
    override(out, "int methodIndex()", "INDEX");
    override(out, "String methodName()", "\"" + specName + "\"");
    override(out, "boolean isSynchronous()", String.valueOf(method.synchronous()));
    override(out, "boolean hasContent()", String.valueOf(method.content()));
    boolean hasNowait = fields.stream().anyMatch(f -> f.name().equals("nowait"));
    override(
        out,
        "boolean expectsReply()",
        !method.synchronous() ? "false" : hasNowait ? "!nowait" : "true");
    List<String> tests = new ArrayList<>();
    for (String reply : method.replies()) {
      tests.add("reply instanceof " + javaName(reply));
    }
    override(
        out,
        "boolean isAnsweredBy(Method reply)",
        tests.isEmpty() ? "false" : String.join("\n          || ", tests));
  }

  private static void override(StringBuilder out, String signature, String expression) {
    out.append("\n    @Override\n    public ")
        .append(signature)
        .append(" {\n")
        .append("      return ")
        .append(expression)
        .append(";\n    }\n");
  }

  private void appendSize(StringBuilder out) {
    int fixed = 0;
    List<String> variable = new ArrayList<>();
    for (List<Field> group : wireGroups()) {
      Field field = group.get(0);
      String f = fieldName(field.name());
      switch (field.type()) {
        case "bit", "octet" -> fixed += 1;
        case "short" -> fixed += 2;
        case "long" -> fixed += 4;
        case "longlong", "timestamp" -> fixed += 8;
        case "shortstr" -> {
          if (field.reserved()) {
            fixed += 1;
          } else {
            variable.add("Wire.shortStringSize(" + f + ")");
          }
        }
        case "longstr" -> {
          if (field.reserved()) {
            fixed += 4;
          } else {
            variable.add("Wire.longStringSize(" + f + ")");
          }
        }
        case "table" -> variable.add("FieldTables.tableSize(" + f + ")");
        default -> throw new IllegalArgumentException(field.type());
      }
    }
    List<String> terms = new ArrayList<>();
    if (fixed > 0 || variable.isEmpty()) {
      terms.add(String.valueOf(fixed));
    }
    terms.addAll(variable);
    override(out, "int argumentsSize()", String.join("\n          + ", terms));
  }

  private void appendWrite(StringBuilder out) {
    out.append("\n    @Override\n    public void writeArguments(ByteBuf out) {\n");
    for (List<Field> group : wireGroups()) {
      Field field = group.get(0);
      String f = fieldName(field.name());
      if (field.type().equals("bit")) {
        List<String> bits = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
          if (!group.get(i).reserved()) {
            bits.add("(" + fieldName(group.get(i).name()) + " ? " + (1 << i) + " : 0)");
          }
        }
        out.append("      Wire.writeOctet(out, ")
            .append(bits.isEmpty() ? "0" : String.join(" | ", bits))
            .append(");\n");
        continue;
      }
      String value = field.reserved() ? reservedValue(field.type()) : f;
      String writer =
          switch (field.type()) {
            case "octet" -> "Wire.writeOctet(out, ";
            case "short" -> "Wire.writeShort(out, ";
            case "long" -> "Wire.writeLong(out, ";
            case "longlong" -> "Wire.writeLongLong(out, ";
            case "timestamp" -> "Wire.writeTimestamp(out, ";
            case "shortstr" ->
                field.reserved() ? "Wire.writeOctet(out, " : "Wire.writeShortString(out, ";
            case "longstr" ->
                field.reserved() ? "Wire.writeLong(out, " : "Wire.writeLongString(out, ";
            case "table" -> "FieldTables.writeTable(out, ";
            default -> throw new IllegalArgumentException(field.type());
          };
      out.append("      ").append(writer).append(value).append(");\n");
    }
    out.append("    }\n");
  }

  /** Reserved fields go on the wire as zero: a 0 number, or an empty string's 0 length. */
  private static String reservedValue(String type) {
    return switch (type) {
      case "octet", "short", "long", "longlong", "shortstr", "longstr" -> "0";
      default -> throw new IllegalArgumentException("cannot reserve a " + type);
    };
  }

  private void appendRead(StringBuilder out) {
    out.append("\n    /** Reads the arguments of a {@code ")
        .append(amqpClass.name())
        .append('.')
        .append(method.name())
        .append("}. */\n");
    out.append("    public static ").append(name).append(" read(ByteBuf in) {\n");
    int bitOctets = 0;
    for (List<Field> group : wireGroups()) {
      Field field = group.get(0);
      String f = fieldName(field.name());
      if (field.type().equals("bit")) {
        String octet = "bits" + bitOctets++;
        out.append("      int ").append(octet).append(" = Wire.readOctet(in);\n");
        for (int i = 0; i < group.size(); i++) {
          if (!group.get(i).reserved()) {
            out.append("      boolean ")
                .append(fieldName(group.get(i).name()))
                .append(" = (")
                .append(octet)
                .append(" & ")
                .append(1 << i)
                .append(") != 0;\n");
          }
        }
        continue;
      }
      if (field.reserved()) {
        out.append("      ")
            .append(
                switch (field.type()) {
                  case "octet" -> "Wire.skip(in, 1, \"" + field.name() + "\")";
                  case "short" -> "Wire.skip(in, 2, \"" + field.name() + "\")";
                  case "long" -> "Wire.skip(in, 4, \"" + field.name() + "\")";
                  case "longlong" -> "Wire.skip(in, 8, \"" + field.name() + "\")";
                  case "shortstr" -> "Wire.skipShortString(in)";
                  case "longstr" -> "Wire.skipLongString(in)";
                  default -> throw new IllegalArgumentException("cannot reserve a " + field.type());
                })
            .append(";\n");
        continue;
      }
      String reader =
          switch (field.type()) {
            case "octet" -> "Wire.readOctet(in)";
            case "short" -> "Wire.readShort(in)";
            case "long" -> "Wire.readLong(in)";
            case "longlong" -> "Wire.readLongLong(in)";
            case "timestamp" -> "Wire.readTimestamp(in)";
            case "shortstr" -> "Wire.readShortString(in)";
            case "longstr" -> "Wire.readLongString(in)";
            case "table" -> "FieldTables.readTable(in)";
            default -> throw new IllegalArgumentException(field.type());
          };
      out.append("      ")
          .append(javaType(field.type()))
          .append(' ')
          .append(f)
          .append(" = ")
          .append(reader)
          .append(";\n");
    }
    if (fields.isEmpty()) {
      out.append("      return INSTANCE;\n");
    } else {
      List<String> names = new ArrayList<>();
      for (Field field : fields) {
        names.add(fieldName(field.name()));
      }
      out.append("      return new ")
          .append(name)
          .append("(")
          .append(String.join(", ", names))
          .append(");\n");
    }
    out.append("    }\n");
  }
}
