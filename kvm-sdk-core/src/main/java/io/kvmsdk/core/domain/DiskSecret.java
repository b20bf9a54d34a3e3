package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <secret>}: a reference to a libvirt secret by usage or UUID (the secret value itself never appears here). */
@Value.Immutable
public abstract class DiskSecret {
  /** Secret type: {@code iscsi}, {@code ceph}, {@code passphrase}, {@code volume}, ... */
  public abstract Optional<String> type();

  /** The secret's usage name. */
  public abstract Optional<String> usage();

  /** The secret's UUID. */
  public abstract Optional<String> uuid();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public DiskSecret copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link DiskSecret}. */
  public static class Builder extends ImmutableDiskSecret.Builder {}
}
