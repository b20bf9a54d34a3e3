package io.kvmsdk.storage.internal;

import java.util.List;
import java.util.Map;

/** A small JSON writer for the config files the module renders (LIO's saveconfig): maps keep their order, two-space indentation. */
public final class Json {
  private Json() {}

  /** {@code value} (a Map, List, String, Number, Boolean or null) as indented JSON with a final newline. */
  public static String write(Object value) {
    StringBuilder sb = new StringBuilder();
    write(sb, value, "");
    return sb.append('\n').toString();
  }

  private static void write(StringBuilder sb, Object v, String indent) {
    if (v == null) { sb.append("null"); return; }
    if (v instanceof String s) { string(sb, s); return; }
    if (v instanceof Number || v instanceof Boolean) { sb.append(v); return; }
    String in = indent + "  ";
    if (v instanceof Map<?, ?> m) {
      if (m.isEmpty()) { sb.append("{}"); return; }
      sb.append("{\n");
      int i = 0;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        sb.append(in);
        string(sb, String.valueOf(e.getKey()));
        sb.append(": ");
        write(sb, e.getValue(), in);
        sb.append(++i < m.size() ? ",\n" : "\n");
      }
      sb.append(indent).append('}');
      return;
    }
    if (v instanceof List<?> l) {
      if (l.isEmpty()) { sb.append("[]"); return; }
      sb.append("[\n");
      for (int i = 0; i < l.size(); i++) {
        sb.append(in);
        write(sb, l.get(i), in);
        sb.append(i + 1 < l.size() ? ",\n" : "\n");
      }
      sb.append(indent).append(']');
      return;
    }
    throw new IllegalArgumentException("cannot write " + v.getClass().getName() + " as JSON");
  }

  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) sb.append(String.format("\\u%04x", (int) c)); else sb.append(c);
        }
      }
    }
    sb.append('"');
  }
}
