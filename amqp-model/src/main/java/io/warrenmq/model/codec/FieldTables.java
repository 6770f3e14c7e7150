package io.warrenmq.model.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.warrenmq.model.AmqpException;
import io.warrenmq.model.LongString;
import io.warrenmq.model.UnsignedByte;
import io.warrenmq.model.UnsignedInt;
import io.warrenmq.model.UnsignedShort;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Field tables and field arrays with RabbitMQ's value types (the 0-9-1 errata set). Decoded values
 * map to Java types one to one, so a decode followed by an encode gives back the same bytes:
 *
 * <pre>
 * t Boolean      b Byte          B UnsignedByte   s Short        u UnsignedShort
 * I Integer      i UnsignedInt   l Long           f Float        d Double
 * D BigDecimal   S String (UTF-8) or LongString (other bytes)    x byte[]
 * A List         T Instant       F Map            V null
 * </pre>
 *
 * Encoding also accepts {@link java.util.Date} (as T). Decoded tables and arrays are unmodifiable
 * and keep the wire order. Nesting is capped at {@link #MAX_DEPTH} levels.
 */
public final class FieldTables {
  /** How deeply tables and arrays may nest inside one another before a decode is refused. */
  public static final int MAX_DEPTH = 32;

  private static final Class<?> UNMODIFIABLE_MAP =
      Collections.unmodifiableMap(new LinkedHashMap<>()).getClass();

  private FieldTables() {}

  /**
   * An unmodifiable view of {@code table} that keeps its order; an empty map for null. A table this
   * class decoded is returned as it is.
   */
  public static Map<String, Object> immutable(Map<String, Object> table) {
    if (table == null || table.isEmpty()) {
      return Map.of();
    }
    if (table.getClass() == UNMODIFIABLE_MAP) {
      return table;
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(table));
  }

  /** Reads a field table (32-bit byte length, then name/value pairs). */
  public static Map<String, Object> readTable(ByteBuf in) {
    return readTable(in, 0);
  }

  /** Reads a field array (32-bit byte length, then values). */
  public static List<Object> readArray(ByteBuf in) {
    return readArray(in, 0);
  }

  private static Map<String, Object> readTable(ByteBuf in, int depth) {
    checkDepth(depth);
    ByteBuf fields = in.readSlice(Wire.readLength(in, "field table"));
    if (!fields.isReadable()) {
      return Map.of();
    }
    Map<String, Object> table = new LinkedHashMap<>();
    while (fields.isReadable()) {
      String name = Wire.readShortString(fields);
      table.put(name, readValue(fields, depth));
    }
    return Collections.unmodifiableMap(table);
  }

  private static List<Object> readArray(ByteBuf in, int depth) {
    checkDepth(depth);
    ByteBuf values = in.readSlice(Wire.readLength(in, "field array"));
    List<Object> array = new ArrayList<>();
    while (values.isReadable()) {
      array.add(readValue(values, depth));
    }
    return Collections.unmodifiableList(array);
  }

  private static void checkDepth(int depth) {
    if (depth > MAX_DEPTH) {
      throw AmqpException.syntaxError("field tables nested deeper than " + MAX_DEPTH + " levels");
    }
  }

  private static Object readValue(ByteBuf in, int depth) {
    int tag = Wire.readOctet(in);
    switch (tag) {
      case 't':
        return Wire.readOctet(in) != 0;
      case 'b':
        Wire.require(in, 1, "byte");
        return in.readByte();
      case 'B':
        return new UnsignedByte(Wire.readOctet(in));
      case 's':
        Wire.require(in, 2, "short");
        return in.readShort();
      case 'u':
        return new UnsignedShort(Wire.readShort(in));
      case 'I':
        Wire.require(in, 4, "int");
        return in.readInt();
      case 'i':
        return new UnsignedInt(Wire.readLong(in));
      case 'l':
        return Wire.readLongLong(in);
      case 'f':
        Wire.require(in, 4, "float");
        return in.readFloat();
      case 'd':
        Wire.require(in, 8, "double");
        return in.readDouble();
      case 'D':
        Wire.require(in, 5, "decimal");
        int scale = in.readUnsignedByte();
        return new BigDecimal(BigInteger.valueOf(in.readInt()), scale);
      case 'S':
        return readLongStringValue(in);
      case 'x':
        return Wire.readLongString(in).toByteArray();
      case 'A':
        return readArray(in, depth + 1);
      case 'T':
        return Wire.readTimestamp(in);
      case 'F':
        return readTable(in, depth + 1);
      case 'V':
        return null;
      default:
        throw AmqpException.syntaxError(
            "unknown field table value type '" + printable(tag) + "' (" + tag + ")");
    }
  }

  private static String printable(int tag) {
    return tag >= 0x20 && tag < 0x7f ? String.valueOf((char) tag) : "?";
  }

  /** A long string value: a String when it is valid UTF-8, else the raw bytes as LongString. */
  private static Object readLongStringValue(ByteBuf in) {
    int length = Wire.readLength(in, "long string");
    int start = in.readerIndex();
    in.skipBytes(length);
    boolean ascii = true;
    for (int i = 0; i < length && ascii; i++) {
      ascii = in.getByte(start + i) >= 0;
    }
    if (ascii) {
      return in.toString(start, length, StandardCharsets.US_ASCII);
    }
    ByteBuffer bytes = in.nioBuffer(start, length);
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes)
          .toString();
    } catch (CharacterCodingException notUtf8) {
      return LongString.wrap(ByteBufUtil.getBytes(in, start, length));
    }
  }

  /** The encoded size of a field table, its length prefix included. */
  public static int tableSize(Map<String, Object> table) {
    int size = 4;
    for (Map.Entry<String, Object> field : table.entrySet()) {
      size += Wire.shortStringSize(field.getKey()) + valueSize(field.getValue());
    }
    return size;
  }

  /** Writes a field table. */
  public static void writeTable(ByteBuf out, Map<String, Object> table) {
    int lengthIndex = out.writerIndex();
    out.writeInt(0);
    for (Map.Entry<String, Object> field : table.entrySet()) {
      Wire.writeShortString(out, field.getKey());
      writeValue(out, field.getValue());
    }
    out.setInt(lengthIndex, out.writerIndex() - lengthIndex - 4);
  }

  private static int arraySize(List<?> array) {
    int size = 4;
    for (Object value : array) {
      size += valueSize(value);
    }
    return size;
  }

  private static void writeArray(ByteBuf out, List<?> array) {
    int lengthIndex = out.writerIndex();
    out.writeInt(0);
    for (Object value : array) {
      writeValue(out, value);
    }
    out.setInt(lengthIndex, out.writerIndex() - lengthIndex - 4);
  }

  /** The encoded size of one tagged value, the tag included. */
  private static int valueSize(Object value) {
    if (value == null) {
      return 1;
    } else if (value instanceof String s) {
      return 5 + ByteBufUtil.utf8Bytes(s);
    } else if (value instanceof Boolean || value instanceof Byte || value instanceof UnsignedByte) {
      return 2;
    } else if (value instanceof Short || value instanceof UnsignedShort) {
      return 3;
    } else if (value instanceof Integer || value instanceof UnsignedInt || value instanceof Float) {
      return 5;
    } else if (value instanceof Long
        || value instanceof Double
        || value instanceof Instant
        || value instanceof Date) {
      return 9;
    } else if (value instanceof BigDecimal) {
      return 6;
    } else if (value instanceof LongString s) {
      return 1 + Wire.longStringSize(s);
    } else if (value instanceof byte[] bytes) {
      return 5 + bytes.length;
    } else if (value instanceof List<?> list) {
      return 1 + arraySize(list);
    } else if (value instanceof Object[] array) {
      return 1 + arraySize(List.of(array));
    } else if (value instanceof Map<?, ?> table) {
      return 1 + tableSize(castTable(table));
    }
    throw unsupported(value);
  }

  private static void writeValue(ByteBuf out, Object value) {
    if (value == null) {
      out.writeByte('V');
    } else if (value instanceof String s) {
      out.writeByte('S');
      int lengthIndex = out.writerIndex();
      out.writeInt(0);
      out.setInt(lengthIndex, ByteBufUtil.writeUtf8(out, s));
    } else if (value instanceof Boolean b) {
      out.writeByte('t').writeByte(b ? 1 : 0);
    } else if (value instanceof Byte b) {
      out.writeByte('b').writeByte(b);
    } else if (value instanceof UnsignedByte b) {
      out.writeByte('B').writeByte(b.value());
    } else if (value instanceof Short s) {
      out.writeByte('s').writeShort(s);
    } else if (value instanceof UnsignedShort s) {
      out.writeByte('u').writeShort(s.value());
    } else if (value instanceof Integer i) {
      out.writeByte('I').writeInt(i);
    } else if (value instanceof UnsignedInt i) {
      out.writeByte('i').writeInt((int) i.value());
    } else if (value instanceof Long l) {
      out.writeByte('l').writeLong(l);
    } else if (value instanceof Float f) {
      out.writeByte('f').writeFloat(f);
    } else if (value instanceof Double d) {
      out.writeByte('d').writeDouble(d);
    } else if (value instanceof BigDecimal d) {
      writeDecimal(out, d);
    } else if (value instanceof LongString s) {
      out.writeByte('S');
      Wire.writeLongString(out, s);
    } else if (value instanceof byte[] bytes) {
      out.writeByte('x').writeInt(bytes.length).writeBytes(bytes);
    } else if (value instanceof List<?> list) {
      out.writeByte('A');
      writeArray(out, list);
    } else if (value instanceof Object[] array) {
      out.writeByte('A');
      writeArray(out, List.of(array));
    } else if (value instanceof Instant t) {
      out.writeByte('T').writeLong(t.getEpochSecond());
    } else if (value instanceof Date d) {
      out.writeByte('T').writeLong(d.getTime() / 1000);
    } else if (value instanceof Map<?, ?> table) {
      out.writeByte('F');
      writeTable(out, castTable(table));
    } else {
      throw unsupported(value);
    }
  }

  private static void writeDecimal(ByteBuf out, BigDecimal value) {
    if (value.scale() < 0 || value.scale() > 255) {
      throw new IllegalArgumentException("decimal scale must be 0 to 255: " + value);
    }
    int unscaled;
    try {
      unscaled = value.unscaledValue().intValueExact();
    } catch (ArithmeticException tooLarge) {
      throw new IllegalArgumentException("decimal does not fit 32 bits unscaled: " + value);
    }
    out.writeByte('D').writeByte(value.scale()).writeInt(unscaled);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castTable(Map<?, ?> table) {
    return (Map<String, Object>) table;
  }

  private static IllegalArgumentException unsupported(Object value) {
    return new IllegalArgumentException(
        "no AMQP field type for " + value.getClass().getName() + ": " + value);
  }
}
