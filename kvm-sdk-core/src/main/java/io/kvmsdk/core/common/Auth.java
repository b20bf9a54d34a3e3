package io.kvmsdk.core.common;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <auth>}: the user and the libvirt secret that holds the password or key (CHAP for iSCSI, cephx for RBD). */
@Value.Immutable
public abstract class Auth {
  /** The authentication type of a storage pool's source: {@code chap} (iSCSI) or {@code ceph} (RBD); absent on disks. */
  public abstract Optional<String> type();

  /** The user name. */
  public abstract Optional<String> username();

  /** {@code <secret>}: which libvirt secret holds the credential. */
  public abstract Optional<SecretRef> secret();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  /** Ceph (cephx) credentials: {@code username} with the libvirt secret of usage {@code secretUsage}. */
  public static Auth ceph(String username, String secretUsage) {
    return builder().username(username).secret(SecretRef.usage("ceph", secretUsage)).build();
  }

  /** iSCSI CHAP credentials: {@code username} with the libvirt secret of usage {@code secretUsage}. */
  public static Auth chap(String username, String secretUsage) {
    return builder().username(username).secret(SecretRef.usage("iscsi", secretUsage)).build();
  }

  /** Credentials naming their libvirt secret by type and UUID. */
  public static Auth ofUuid(String username, String secretType, String secretUuid) {
    return builder().username(username).secret(SecretRef.uuid(secretType, secretUuid)).build();
  }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public Auth copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link Auth}. */
  public static class Builder extends ImmutableAuth.Builder {}
}
