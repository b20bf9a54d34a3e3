package io.kvmsdk.core.domain;

/** What kind of job a domain runs, as {@code virDomainGetJobStats} reports it ({@code virDomainJobType}), plus UNKNOWN. */
public enum DomainJobType {
  /** No job is active. */
  NONE,
  /** A job with a known end (libvirt knows how much is left). */
  BOUNDED,
  /** A job whose end is not known in advance (libvirt's QEMU driver reports a running migration so). */
  UNBOUNDED,
  /** The last job finished (statistics of a completed job). */
  COMPLETED,
  /** The last job failed. */
  FAILED,
  /** The last job was aborted. */
  CANCELLED,
  UNKNOWN;

  /** The type for libvirt's numeric {@code virDomainJobType}; UNKNOWN when out of range. */
  public static DomainJobType of(int virDomainJobType) {
    return virDomainJobType >= 0 && virDomainJobType < UNKNOWN.ordinal() ? values()[virDomainJobType] : UNKNOWN;
  }

  /** True while the job runs ({@link #BOUNDED} or {@link #UNBOUNDED}). */
  public boolean isActive() { return this == BOUNDED || this == UNBOUNDED; }
}
