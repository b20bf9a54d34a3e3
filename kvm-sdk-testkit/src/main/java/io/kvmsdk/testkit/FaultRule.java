package io.kvmsdk.testkit;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One injected {@link Fault}: which operations it hits ({@link FaultMatcher}), how many times
 * (default: every time), and its parameters (exit code and stderr for a failing command, the
 * libvirt error of a failing call, the delay of a slow one). Immutable; each setter returns a copy.
 */
public final class FaultRule {
  /** The libvirt error a {@link Fault#LIBVIRT_ERROR} rule raises unless told otherwise. */
  public static final String DEFAULT_LIBVIRT_CODE = "VIR_ERR_INTERNAL_ERROR";

  private final Fault fault;
  private final FaultMatcher matcher;
  private final int times;
  private final int exitCode;
  private final String message;
  private final Duration delay;
  private final String libvirtCode;
  private final int libvirtCodeNumber;

  private FaultRule(Fault fault, FaultMatcher matcher, int times, int exitCode, String message, Duration delay,
      String libvirtCode, int libvirtCodeNumber) {
    this.fault = Objects.requireNonNull(fault, "fault");
    this.matcher = Objects.requireNonNull(matcher, "matcher");
    if (times == 0 || times < -1) throw new IllegalArgumentException("times must be positive (or -1 for always), got " + times);
    this.times = times;
    this.exitCode = exitCode;
    this.message = Objects.requireNonNull(message, "message");
    this.delay = Objects.requireNonNull(delay, "delay");
    this.libvirtCode = Objects.requireNonNull(libvirtCode, "libvirtCode");
    this.libvirtCodeNumber = libvirtCodeNumber;
  }

  /** {@code fault} on every operation {@code matcher} hits, with default parameters. */
  public static FaultRule of(Fault fault, FaultMatcher matcher) {
    return new FaultRule(fault, matcher, -1, 1, "injected fault", Duration.ofSeconds(5), DEFAULT_LIBVIRT_CODE, 1);
  }

  /** {@code fault} on every operation. */
  public static FaultRule of(Fault fault) { return of(fault, FaultMatcher.any()); }

  /** Hits only the next {@code n} matching operations. */
  public FaultRule times(int n) {
    if (n <= 0) throw new IllegalArgumentException("times must be positive, got " + n);
    return new FaultRule(fault, matcher, n, exitCode, message, delay, libvirtCode, libvirtCodeNumber);
  }

  /** Hits only the next matching operation. */
  public FaultRule once() { return times(1); }

  /** The exit code of a {@link Fault#COMMAND_FAILS} command (default 1). */
  public FaultRule exitCode(int code) {
    return new FaultRule(fault, matcher, times, code, message, delay, libvirtCode, libvirtCodeNumber);
  }

  /** The stderr of a failing command, or the libvirt message of a failing call. */
  public FaultRule message(String text) {
    return new FaultRule(fault, matcher, times, exitCode, text, delay, libvirtCode, libvirtCodeNumber);
  }

  /** How much fake time a {@link Fault#SLOW} operation takes (default 5 s). */
  public FaultRule delay(Duration d) {
    if (d.isNegative()) throw new IllegalArgumentException("delay must not be negative, got " + d);
    return new FaultRule(fault, matcher, times, exitCode, message, d, libvirtCode, libvirtCodeNumber);
  }

  /** The libvirt error of a {@link Fault#LIBVIRT_ERROR}, e.g. {@code libvirtError("VIR_ERR_OPERATION_FAILED", 9)}. */
  public FaultRule libvirtError(String code, int number) {
    return new FaultRule(fault, matcher, times, exitCode, message, delay, code, number);
  }

  public Fault fault() { return fault; }

  public FaultMatcher matcher() { return matcher; }

  /** How many more operations it hits; -1 means every one. */
  public int times() { return times; }

  public int exitCode() { return exitCode; }

  public String message() { return message; }

  public Duration delay() { return delay; }

  public String libvirtCode() { return libvirtCode; }

  public int libvirtCodeNumber() { return libvirtCodeNumber; }

  /** True when this rule hits {@code words}. */
  public boolean matches(List<String> words) { return matcher.matches(words); }

  /** This rule after it hit once more (a copy with one fewer remaining hit), or null when it is used up. */
  FaultRule consumed() {
    if (times == -1) return this;
    if (times == 1) return null;
    return new FaultRule(fault, matcher, times - 1, exitCode, message, delay, libvirtCode, libvirtCodeNumber);
  }

  @Override public String toString() {
    return fault + " on " + matcher + (times == -1 ? "" : " (" + times + "x)");
  }
}
