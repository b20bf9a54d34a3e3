package io.kvmsdk.core.domain;

/**
 * A domain lifecycle event: which domain, what happened ({@link DomainEventType}) and libvirt's
 * detail for it, as libvirt names it ({@code PAUSED}, {@code UNPAUSED}, {@code DESTROYED},
 * {@code BOOTED}, ... or the number when unknown).
 */
public record DomainEvent(String domainName, DomainEventType type, String detail) {
  @Override public String toString() { return "DomainEvent[" + domainName + " " + type + " " + detail + "]"; }
}
