package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <capabilities>} in {@code <features>}: the Linux capabilities of a container, each on or off relative to the {@code policy}. */
@Value.Immutable
public abstract class FeaturesCapabilities {
  /** {@code default}, {@code allow} or {@code deny}. */
  public abstract Optional<String> policy();
  /** The {@code <audit_control>} child. */
  public abstract Optional<FeaturesState> auditControl();
  /** The {@code <audit_write>} child. */
  public abstract Optional<FeaturesState> auditWrite();
  /** The {@code <block_suspend>} child. */
  public abstract Optional<FeaturesState> blockSuspend();
  /** The {@code <chown>} child. */
  public abstract Optional<FeaturesState> chown();
  /** The {@code <dac_override>} child. */
  public abstract Optional<FeaturesState> dacOverride();
  /** The {@code <dac_read_search>} child. */
  public abstract Optional<FeaturesState> dacReadSearch();
  /** The {@code <fowner>} child. */
  public abstract Optional<FeaturesState> fowner();
  /** The {@code <fsetid>} child. */
  public abstract Optional<FeaturesState> fsetid();
  /** The {@code <ipc_lock>} child. */
  public abstract Optional<FeaturesState> ipcLock();
  /** The {@code <ipc_owner>} child. */
  public abstract Optional<FeaturesState> ipcOwner();
  /** The {@code <kill>} child. */
  public abstract Optional<FeaturesState> kill();
  /** The {@code <lease>} child. */
  public abstract Optional<FeaturesState> lease();
  /** The {@code <linux_immutable>} child. */
  public abstract Optional<FeaturesState> linuxImmutable();
  /** The {@code <mac_admin>} child. */
  public abstract Optional<FeaturesState> macAdmin();
  /** The {@code <mac_override>} child. */
  public abstract Optional<FeaturesState> macOverride();
  /** The {@code <mknod>} child. */
  public abstract Optional<FeaturesState> mknod();
  /** The {@code <net_admin>} child. */
  public abstract Optional<FeaturesState> netAdmin();
  /** The {@code <net_bind_service>} child. */
  public abstract Optional<FeaturesState> netBindService();
  /** The {@code <net_broadcast>} child. */
  public abstract Optional<FeaturesState> netBroadcast();
  /** The {@code <net_raw>} child. */
  public abstract Optional<FeaturesState> netRaw();
  /** The {@code <setgid>} child. */
  public abstract Optional<FeaturesState> setgid();
  /** The {@code <setfcap>} child. */
  public abstract Optional<FeaturesState> setfcap();
  /** The {@code <setpcap>} child. */
  public abstract Optional<FeaturesState> setpcap();
  /** The {@code <setuid>} child. */
  public abstract Optional<FeaturesState> setuid();
  /** The {@code <sys_admin>} child. */
  public abstract Optional<FeaturesState> sysAdmin();
  /** The {@code <sys_boot>} child. */
  public abstract Optional<FeaturesState> sysBoot();
  /** The {@code <sys_chroot>} child. */
  public abstract Optional<FeaturesState> sysChroot();
  /** The {@code <sys_module>} child. */
  public abstract Optional<FeaturesState> sysModule();
  /** The {@code <sys_nice>} child. */
  public abstract Optional<FeaturesState> sysNice();
  /** The {@code <sys_pacct>} child. */
  public abstract Optional<FeaturesState> sysPacct();
  /** The {@code <sys_ptrace>} child. */
  public abstract Optional<FeaturesState> sysPtrace();
  /** The {@code <sys_rawio>} child. */
  public abstract Optional<FeaturesState> sysRawio();
  /** The {@code <sys_resource>} child. */
  public abstract Optional<FeaturesState> sysResource();
  /** The {@code <sys_time>} child. */
  public abstract Optional<FeaturesState> sysTime();
  /** The {@code <sys_tty_config>} child. */
  public abstract Optional<FeaturesState> sysTtyConfig();
  /** The {@code <syslog>} child. */
  public abstract Optional<FeaturesState> syslog();
  /** The {@code <wake_alarm>} child. */
  public abstract Optional<FeaturesState> wakeAlarm();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public FeaturesCapabilities copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link FeaturesCapabilities}. */
  public static class Builder extends ImmutableFeaturesCapabilities.Builder {}
}
