package io.kvmsdk.core.domain;

/** A domain's state as libvirt reports it ({@code virDomainState}), plus UNKNOWN for a value this SDK does not know. */
public enum DomainState {
  NOSTATE, RUNNING, BLOCKED, PAUSED, SHUTDOWN, SHUTOFF, CRASHED, PMSUSPENDED, UNKNOWN;

  /** The state for libvirt's numeric {@code virDomainState}; UNKNOWN when out of range. */
  public static DomainState of(int virDomainState) {
    return virDomainState >= 0 && virDomainState < UNKNOWN.ordinal() ? values()[virDomainState] : UNKNOWN;
  }

  /** True for the states in which the guest occupies host resources (running, blocked, paused, ...). */
  public boolean isActive() { return this != SHUTOFF && this != NOSTATE && this != UNKNOWN; }
}
