package io.kvmsdk.core.xml;

import java.util.Locale;
import java.util.function.Function;

/** Converts an attribute or text value to a typed value and back; parse errors name the rule. */
public final class ValueType<V> {
  private final String rule;
  private final Function<String, V> parse;
  private final Function<V, String> format;

  private ValueType(String rule, Function<String, V> parse, Function<V, String> format) {
    this.rule = rule;
    this.parse = parse;
    this.format = format;
  }

  public static <V> ValueType<V> of(String rule, Function<String, V> parse, Function<V, String> format) {
    return new ValueType<>(rule, parse, format);
  }

  /** The rule a value must follow, in words (used in error messages). */
  public String rule() { return rule; }

  /** Parses {@code s}; throws IllegalArgumentException when it breaks the rule. */
  public V parse(String s) {
    V v;
    try {
      v = parse.apply(s);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("must be " + rule + ", got '" + s + "'", e);
    }
    if (v == null) throw new IllegalArgumentException("must be " + rule + ", got '" + s + "'");
    return v;
  }

  public String format(V v) { return format.apply(v); }

  public static final ValueType<String> STRING = of("a string", s -> s, s -> s);

  /** A decimal or 0x-hex integer (libvirt accepts both for most numbers). */
  public static final ValueType<Integer> INT = of("an integer", s -> (int) parseLong(s), String::valueOf);

  public static final ValueType<Long> LONG = of("an integer", ValueType::parseLong, String::valueOf);

  /** A non-negative decimal or 0x-hex integer. */
  public static final ValueType<Long> ULONG = of("a non-negative integer", s -> {
    long v = parseLong(s);
    return v < 0 ? null : v;
  }, String::valueOf);

  public static final ValueType<Integer> UINT = of("a non-negative integer", s -> {
    long v = parseLong(s);
    return v < 0 || v > 0xffffffffL ? null : (int) v;
  }, v -> Integer.toUnsignedString(v));

  /** libvirt's 'yes'/'no'. */
  public static final ValueType<Boolean> YES_NO = of("'yes' or 'no'", s -> {
    switch (s) {
      case "yes": return Boolean.TRUE;
      case "no": return Boolean.FALSE;
      default: return null;
    }
  }, b -> b ? "yes" : "no");

  /** libvirt's 'on'/'off'. */
  public static final ValueType<Boolean> ON_OFF = of("'on' or 'off'", s -> {
    switch (s) {
      case "on": return Boolean.TRUE;
      case "off": return Boolean.FALSE;
      default: return null;
    }
  }, b -> b ? "on" : "off");

  /** A number written in hex, formatted back as 0x followed by {@code digits} lower-case digits. */
  public static ValueType<Integer> hex(int digits) {
    String fmt = "0x%0" + digits + "x";
    return of("an integer", s -> (int) parseLong(s), v -> String.format(Locale.ROOT, fmt, v));
  }

  static long parseLong(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && s.charAt(from) <= ' ') from++;   // String.trim()'s white space, without the copy
    while (to > from && s.charAt(to - 1) <= ' ') to--;
    if (to - from > 2 && s.charAt(from) == '0' && (s.charAt(from + 1) == 'x' || s.charAt(from + 1) == 'X')) {
      return Long.parseLong(s, from + 2, to, 16);
    }
    return Long.parseLong(s, from, to, 10);
  }
}
