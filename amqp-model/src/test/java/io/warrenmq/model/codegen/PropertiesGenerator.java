package io.warrenmq.model.codegen;

import static io.warrenmq.model.codegen.JavaGenerator.fieldName;

import io.warrenmq.model.codegen.SpecDefinition.ClassDef;
import io.warrenmq.model.codegen.SpecDefinition.Field;
import java.util.ArrayList;
import java.util.List;

/** Writes {@code BasicProperties}: the content header properties, their flags and codec. */
final class PropertiesGenerator {
  private PropertiesGenerator() {}

  static String generate(String header, String pkg, ClassDef amqpClass) {
    List<Field> props = amqpClass.properties();
    if (props.size() > 15) {
      throw new IllegalArgumentException("more properties than one flag word holds");
    }
    StringBuilder out = new StringBuilder(header);
    out.append("package ").append(pkg).append(";\n\n");
    out.append("import io.netty.buffer.ByteBuf;\n");
    out.append("import io.warrenmq.model.AmqpException;\n");
    out.append("import io.warrenmq.model.codec.FieldTables;\n");
    out.append("import io.warrenmq.model.codec.Wire;\n");
    out.append("import java.time.Instant;\n");
    out.append("import java.util.Map;\n\n");
    out.append("/**\n");
    out.append(" * The properties of a {@code ")
        .append(amqpClass.name())
        .append("} content header. A null component is a property that is absent\n");
    out.append(
        " * (its flag bit clear). Property {@code i} (from 0) has flag bit {@code 15 - i}; bit 0 of\n");
    out.append(" * a flag word says another flag word follows.\n");
    out.append(" *\n");
    for (Field p : props) {
      out.append(" * @param ")
          .append(fieldName(p.name()))
          .append(' ')
          .append(p.name())
          .append('\n');
    }
    out.append(" */\n");
    out.append("public record BasicProperties(");
    for (int i = 0; i < props.size(); i++) {
      out.append(i == 0 ? "\n    " : ",\n    ")
          .append(type(props.get(i)))
          .append(' ')
          .append(fieldName(props.get(i).name()));
    }
    out.append(") {\n\n");
    out.append("  /** No properties at all. */\n");
    out.append("  public static final BasicProperties EMPTY = builder().build();\n\n");
    out.append("  /** Checks ranges; freezes the headers table. */\n");
    out.append("  public BasicProperties {\n");
    for (Field p : props) {
      String f = fieldName(p.name());
      if (p.type().equals("octet")) {
        out.append("    if (")
            .append(f)
            .append(" != null) {\n      Wire.checkOctet(")
            .append(f)
            .append(", \"")
            .append(p.name())
            .append("\");\n    }\n");
      } else if (p.type().equals("table")) {
        out.append("    ")
            .append(f)
            .append(" = ")
            .append(f)
            .append(" == null ? null : FieldTables.immutable(")
            .append(f)
            .append(");\n");
      }
    }
    out.append("  }\n\n");

    out.append("  /** The first property flag word (this class needs no continuation word). */\n");
    out.append("  public int flags() {\n    int flags = 0;\n");
    for (int i = 0; i < props.size(); i++) {
      out.append("    if (")
          .append(fieldName(props.get(i).name()))
          .append(" != null) {\n")
          .append("      flags |= ")
          .append(1 << (15 - i))
          .append(";\n    }\n");
    }
    out.append("    return flags;\n  }\n\n");

    out.append("  /** The exact size of the flag word and the present properties. */\n");
    out.append("  public int encodedSize() {\n    int size = 2;\n");
    for (Field p : props) {
      String f = fieldName(p.name());
      out.append("    if (")
          .append(f)
          .append(" != null) {\n      size += ")
          .append(
              switch (p.type()) {
                case "shortstr" -> "Wire.shortStringSize(" + f + ")";
                case "octet" -> "1";
                case "timestamp" -> "8";
                case "table" -> "FieldTables.tableSize(" + f + ")";
                default -> throw new IllegalArgumentException(p.type());
              })
          .append(";\n    }\n");
    }
    out.append("    return size;\n  }\n\n");

    out.append("  /** Writes the flag word and the present properties. */\n");
    out.append("  public void writeTo(ByteBuf out) {\n    Wire.writeShort(out, flags());\n");
    for (Field p : props) {
      String f = fieldName(p.name());
      out.append("    if (")
          .append(f)
          .append(" != null) {\n      ")
          .append(
              switch (p.type()) {
                case "shortstr" -> "Wire.writeShortString(out, " + f + ")";
                case "octet" -> "Wire.writeOctet(out, " + f + ")";
                case "timestamp" -> "Wire.writeTimestamp(out, " + f + ")";
                case "table" -> "FieldTables.writeTable(out, " + f + ")";
                default -> throw new IllegalArgumentException(p.type());
              })
          .append(";\n    }\n");
    }
    out.append("  }\n\n");

    int unusedBits = 0xFFFE;
    for (int i = 0; i < props.size(); i++) {
      unusedBits &= ~(1 << (15 - i));
    }
    out.append("  /**\n   * Reads the flag words and the properties they announce.\n   *\n");
    out.append(
        "   * @throws AmqpException 501 FRAME_ERROR when a flag names a property that does not exist\n");
    out.append("   */\n");
    out.append("  public static BasicProperties read(ByteBuf in) {\n");
    out.append("    int flags = Wire.readShort(in);\n");
    out.append("    if ((flags & ").append(unusedBits).append(") != 0) {\n");
    out.append(
        "      throw AmqpException.frameError(\"unknown content property flags \" + flags);\n");
    out.append("    }\n");
    out.append("    for (int more = flags; (more & 1) != 0; ) {\n");
    out.append("      more = Wire.readShort(in);\n");
    out.append("      if ((more & ~1) != 0) {\n");
    out.append(
        "        throw AmqpException.frameError(\"unknown content property flags \" + more);\n");
    out.append("      }\n    }\n");
    out.append("    Builder builder = builder();\n");
    for (int i = 0; i < props.size(); i++) {
      Field p = props.get(i);
      out.append("    if ((flags & ")
          .append(1 << (15 - i))
          .append(") != 0) {\n      builder.")
          .append(fieldName(p.name()))
          .append("(")
          .append(
              switch (p.type()) {
                case "shortstr" -> "Wire.readShortString(in)";
                case "octet" -> "Wire.readOctet(in)";
                case "timestamp" -> "Wire.readTimestamp(in)";
                case "table" -> "FieldTables.readTable(in)";
                default -> throw new IllegalArgumentException(p.type());
              })
          .append(");\n    }\n");
    }
    out.append("    return builder.build();\n  }\n\n");

    out.append("  /** A builder with no properties set. */\n");
    out.append("  public static Builder builder() {\n    return new Builder();\n  }\n\n");
    out.append("  /** A builder holding these properties. */\n");
    out.append("  public Builder toBuilder() {\n    return new Builder()");
    for (Field p : props) {
      String f = fieldName(p.name());
      out.append("\n        .").append(f).append('(').append(f).append(')');
    }
    out.append(";\n  }\n\n");

    out.append("  /** Builds {@link BasicProperties}; every property starts absent. */\n");
    out.append("  public static final class Builder {\n");
    for (Field p : props) {
      out.append("    private ")
          .append(type(p))
          .append(' ')
          .append(fieldName(p.name()))
          .append(";\n");
    }
    out.append("\n    private Builder() {}\n");
    for (Field p : props) {
      String f = fieldName(p.name());
      out.append("\n    /** Sets ").append(p.name()).append("; null makes it absent. */\n");
      out.append("    public Builder ")
          .append(f)
          .append('(')
          .append(type(p))
          .append(' ')
          .append(f)
          .append(") {\n      this.")
          .append(f)
          .append(" = ")
          .append(f)
          .append(";\n      return this;\n    }\n");
    }
    List<String> names = new ArrayList<>();
    for (Field p : props) {
      names.add(fieldName(p.name()));
    }
    out.append("\n    /** The properties set so far. */\n");
    out.append(
            "    public BasicProperties build() {\n      return new BasicProperties(\n          ")
        .append(String.join(",\n          ", names))
        .append(");\n    }\n  }\n}\n");
    return out.toString();
  }

  private static String type(Field property) {
    return switch (property.type()) {
      case "shortstr" -> "String";
      case "octet" -> "Integer";
      case "timestamp" -> "Instant";
      case "table" -> "Map<String, Object>";
      default -> throw new IllegalArgumentException(property.type());
    };
  }
}
