package io.kvmsdk.core.domain;

/**
 * What {@link Domains#list(DomainFilter...)} keeps ({@code virConnectListAllDomainsFlags}): filters of
 * one group (active/inactive; persistent/transient; running/paused/shut off; autostart/no autostart)
 * widen each other, groups narrow each other, as in libvirt.
 */
public enum DomainFilter {
  ACTIVE(1), INACTIVE(2), PERSISTENT(4), TRANSIENT(8), RUNNING(16), PAUSED(32), SHUTOFF(64), AUTOSTART(1024), NO_AUTOSTART(2048);

  private final int flag;

  DomainFilter(int flag) { this.flag = flag; }

  /** libvirt's flag bit. */
  public int flag() { return flag; }
}
