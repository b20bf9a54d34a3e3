package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <auth>}: the user and the libvirt secret that holds the password or key (CHAP for iSCSI, cephx for RBD). */
@Value.Immutable
public abstract class DiskAuth {
  /** The user name. */
  public abstract Optional<String> username();

  /** {@code <secret>}: which libvirt secret holds the credential. */
  public abstract Optional<DiskSecret> secret();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  /** Ceph (cephx) credentials: {@code username} with the libvirt secret of usage {@code secretUsage}. */
  public static DiskAuth ceph(String username, String secretUsage) {
    return builder().username(username).secret(DiskSecret.usage("ceph", secretUsage)).build();
  }

  /** iSCSI CHAP credentials: {@code username} with the libvirt secret of usage {@code secretUsage}. */
  public static DiskAuth chap(String username, String secretUsage) {
    return builder().username(username).secret(DiskSecret.usage("iscsi", secretUsage)).build();
  }

  /** Credentials naming their libvirt secret by type and UUID. */
  public static DiskAuth ofUuid(String username, String secretType, String secretUuid) {
    return builder().username(username).secret(DiskSecret.uuid(secretType, secretUuid)).build();
  }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public DiskAuth copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link DiskAuth}. */
  public static class Builder extends ImmutableDiskAuth.Builder {}
}
