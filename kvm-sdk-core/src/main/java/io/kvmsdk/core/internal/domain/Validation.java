package io.kvmsdk.core.internal.domain;

import java.util.function.Supplier;

/**
 * libvirt's two phases of reading a domain: its parser's rules always apply; the define-time
 * validation ({@code domain_validate.c}) is skipped where libvirt skips it
 * ({@code VIR_DOMAIN_DEF_PARSE_SKIP_VALIDATE}: the domain kept inside a snapshot). The rules of the
 * validation phase ask {@link #skipped()} (duplicate and missing disk targets, a disk's device and
 * source rules, shmem names, iotune limits: what {@code virsh snapshot-create --redefine} accepts
 * while {@code virsh define} refuses it).
 */
public final class Validation {
  private Validation() {}

  private static final ThreadLocal<Boolean> SKIPPED = new ThreadLocal<>();

  /** True while a domain is read without libvirt's define-time validation (on this thread). */
  public static boolean skipped() { return SKIPPED.get() != null; }

  /** Runs {@code read} without the define-time validation phase. */
  public static <T> T withoutValidation(Supplier<T> read) {
    Boolean before = SKIPPED.get();
    SKIPPED.set(Boolean.TRUE);
    try {
      return read.get();
    } finally {
      if (before == null) SKIPPED.remove();
    }
  }
}
