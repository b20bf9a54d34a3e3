package io.kvmsdk.core.secret;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.internal.domain.SecretCodecs;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A libvirt secret definition ({@code <secret>}): what the secret is for (a Ceph client, an iSCSI
 * CHAP target, a volume, TLS, a vTPM). The definition never holds the secret value: that is set
 * with {@code kvm.secrets().setValue(...)} and is never printed or logged.
 *
 * <pre>{@code
 * SecretSpec chap = SecretSpec.iscsi("iscsi-chap-1").build();
 * }</pre>
 */
@Value.Immutable
public abstract class SecretSpec {
  /** Whether the secret lives only in memory. */
  public abstract Optional<Boolean> ephemeral();

  /** Whether libvirt refuses to reveal the value. */
  public abstract Optional<Boolean> private_();

  public abstract Optional<String> uuid();

  public abstract Optional<String> description();

  /** {@code <usage type='ceph|iscsi|volume|tls|vtpm'>} ({@code none}: no usage); libvirt refuses any other type. */
  public abstract Optional<String> usageType();

  /** The usage key: the ceph/tls/vtpm name, the iSCSI target, or the volume path; libvirt requires it, not empty, for those types. */
  public abstract Optional<String> usageName();

  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** A Ceph client secret, e.g. {@code client.libvirt secret}. */
  public static Builder ceph(String name) { return builder().ephemeral(false).private_(true).usageType("ceph").usageName(name); }

  /** An iSCSI CHAP secret for {@code target}. */
  public static Builder iscsi(String target) { return builder().ephemeral(false).private_(true).usageType("iscsi").usageName(target); }

  /** A volume encryption secret for the volume at {@code path}. */
  public static Builder volume(String path) { return builder().ephemeral(false).private_(true).usageType("volume").usageName(path); }

  /** Parses {@code <secret>} XML. */
  public static SecretSpec fromXml(String xml) { return SecretCodecs.parse(xml); }

  /** This definition as libvirt XML. */
  public String toXml() { return SecretCodecs.render(this); }

  /** Paths this instance keeps verbatim because no typed field covers them yet; empty when fully typed. */
  @Value.Lazy public List<String> unmodeledPaths() { return SecretCodecs.unmodeledPaths(this); }

  /** Derives a changed copy. */
  public SecretSpec copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  @Value.Check protected void check() {
    uuid().ifPresent(u -> {
      if (!u.matches("[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}")) {
        throw new InvalidSpecException("secret/uuid", "must be a UUID, got '" + u + "'");
      }
    });
    if (usageName().isPresent() && usageType().isEmpty()) {
      throw new InvalidSpecException("secret/usage/@type", "is required when a usage name is given");
    }
    usageType().ifPresent(t -> {
      String key = USAGE_KEYS.get(t);
      if (key == null) {
        throw new InvalidSpecException("secret/usage/@type", "must be none, volume, ceph, iscsi, tls or vtpm, got '" + t + "'");
      }
      if (!key.isEmpty() && usageName().filter(n -> !n.isEmpty()).isEmpty()) {
        throw new InvalidSpecException("secret/usage/" + key, "is required (and must not be empty) for usage type '" + t + "'");
      }
    });
  }

  /** libvirt's usage types and, per type, the element that carries the key (none: no key). */
  private static final Map<String, String> USAGE_KEYS = Map.of(
      "none", "", "volume", "volume", "ceph", "name", "iscsi", "target", "tls", "name", "vtpm", "name");

  /** The XML with secret-looking values masked, like every other document's. */
  @Override public String toString() { return SecretCodecs.renderRedacted(this); }

  /** Builds a {@link SecretSpec}. */
  public static class Builder extends ImmutableSecretSpec.Builder {}
}
