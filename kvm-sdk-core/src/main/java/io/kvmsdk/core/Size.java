package io.kvmsdk.core;

import java.util.Locale;
import java.util.Objects;

/**
 * An amount of memory or storage as libvirt writes it: a value and a unit ({@code KiB}, {@code MiB},
 * {@code GiB}, {@code TiB}, {@code b}/{@code bytes}, and libvirt's power-of-ten units {@code KB},
 * {@code MB}, ...). The unit is kept as given so a parsed document renders back unchanged;
 * {@link #bytes()} compares amounts across units. A size parsed from an element that had no unit
 * attribute remembers it ({@link #unitWritten()} is false) and renders without one, in the unit
 * libvirt assumes for that element (KiB for memory, bytes for storage).
 */
public final class Size implements Comparable<Size> {
  private final long value;
  private final String unit;
  private final long multiplier;
  private final boolean unitWritten;

  private Size(long value, String unit) { this(value, unit, true); }

  private Size(long value, String unit, boolean unitWritten) {
    this.unitWritten = unitWritten;
    if (value < 0) throw new InvalidSpecException("size", "must not be negative, got " + value);
    this.value = value;
    this.unit = unit;
    this.multiplier = multiplier(unit);
    if (multiplier > 1 && value > Long.MAX_VALUE / multiplier) {
      throw new InvalidSpecException("size", value + " " + unit + " is too large");
    }
  }

  public static Size of(long value, String unit) { return new Size(value, Objects.requireNonNull(unit, "unit")); }

  /**
   * A size read from an element without a unit attribute: {@code defaultUnit} is the unit libvirt
   * assumes there, and rendering writes no unit back.
   */
  public static Size withoutUnit(long value, String defaultUnit) {
    return new Size(value, Objects.requireNonNull(defaultUnit, "defaultUnit"), false);
  }

  public static Size bytes(long n) { return new Size(n, "bytes"); }

  public static Size kib(long n) { return new Size(n, "KiB"); }

  public static Size mib(long n) { return new Size(n, "MiB"); }

  public static Size gib(long n) { return new Size(n, "GiB"); }

  public static Size tib(long n) { return new Size(n, "TiB"); }

  /** The value in {@link #unit()}. */
  public long value() { return value; }

  /** The unit as written. */
  public String unit() { return unit; }

  /** False when the document this size came from named no unit (it renders without one). */
  public boolean unitWritten() { return unitWritten; }

  /** The amount in bytes. */
  public long bytes() { return value * multiplier; }

  /** The amount in KiB, rounded up (libvirt's unit for guest memory). */
  public long kib() { return (bytes() + 1023) / 1024; }

  /** Whether {@code u} is a unit libvirt accepts. */
  public static boolean isUnit(String u) {
    try {
      multiplier(u);
      return true;
    } catch (InvalidSpecException e) {
      return false;
    }
  }

  private static long multiplier(String unit) {
    switch (unit.toLowerCase(Locale.ROOT)) {
      case "b": case "byte": case "bytes": return 1L;
      case "k": case "kib": return 1L << 10;
      case "kb": return 1000L;
      case "m": case "mib": return 1L << 20;
      case "mb": return 1000_000L;
      case "g": case "gib": return 1L << 30;
      case "gb": return 1000_000_000L;
      case "t": case "tib": return 1L << 40;
      case "tb": return 1000_000_000_000L;
      case "p": case "pib": return 1L << 50;
      case "pb": return 1000_000_000_000_000L;
      case "e": case "eib": return 1L << 60;
      case "eb": return 1000_000_000_000_000_000L;
      default: throw new InvalidSpecException("unit", "must be one of b, KiB, MiB, GiB, TiB, PiB, EiB, KB, MB, GB, TB, PB, EB; got '" + unit + "'");
    }
  }

  @Override public int compareTo(Size o) { return Long.compare(bytes(), o.bytes()); }

  @Override public boolean equals(Object o) {
    return o instanceof Size && ((Size) o).value == value && ((Size) o).unit.equals(unit)
        && ((Size) o).unitWritten == unitWritten;
  }

  @Override public int hashCode() { return (Long.hashCode(value) * 31 + unit.hashCode()) * 2 + (unitWritten ? 1 : 0); }

  @Override public String toString() { return value + " " + unit; }
}
