package io.kvmsdk.core.domain;

/** The kind of a domain lifecycle event ({@code virDomainEventType}), plus UNKNOWN for a value this SDK does not know. */
public enum DomainEventType {
  DEFINED, UNDEFINED, STARTED, SUSPENDED, RESUMED, STOPPED, SHUTDOWN, PMSUSPENDED, CRASHED, UNKNOWN;

  /** The type for libvirt's numeric {@code virDomainEventType}; UNKNOWN when out of range. */
  public static DomainEventType of(int virDomainEventType) {
    return virDomainEventType >= 0 && virDomainEventType < UNKNOWN.ordinal() ? values()[virDomainEventType] : UNKNOWN;
  }
}
