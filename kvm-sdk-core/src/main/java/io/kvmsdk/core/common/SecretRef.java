package io.kvmsdk.core.common;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <secret>}: a reference to a libvirt secret by usage or UUID (the secret value itself never appears here). */
@Value.Immutable
public abstract class SecretRef {
  /** Secret type: {@code iscsi}, {@code ceph}, {@code passphrase}, {@code volume}, ... */
  public abstract Optional<String> type();

  /** The secret's usage name. */
  public abstract Optional<String> usage();

  /** The secret's UUID. */
  public abstract Optional<String> uuid();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  /** A secret of {@code type} named by its usage. */
  public static SecretRef usage(String type, String usage) { return builder().type(type).usage(usage).build(); }

  /** A secret of {@code type} named by its UUID. */
  public static SecretRef uuid(String type, String uuid) { return builder().type(type).uuid(uuid).build(); }

  @Value.Check protected void check() {
    if (usage().isPresent() && uuid().isPresent()) {
      throw new InvalidSpecException("@uuid", "a secret is named by usage or by uuid, not both (usage='" + usage().get() + "')");
    }
  }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public SecretRef copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link SecretRef}. */
  public static class Builder extends ImmutableSecretRef.Builder {}
}
