package io.kvmsdk.core.storage;

import io.kvmsdk.core.internal.storage.StorageCodecs;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A libvirt storage pool definition ({@code <pool>}): typed, immutable and lossless; what no typed field covers yet is kept verbatim, re-emitted
 * by {@link #toXml()} and listed by {@link #unmodeledPaths()}.
 */
@Value.Immutable
public abstract class StoragePoolSpec {
  public abstract Optional<String> type();

  public abstract String name();

  public abstract Optional<String> uuid();

  /** What the document carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Parses libvirt's {@code <pool>} XML; throws {@link io.kvmsdk.core.InvalidSpecException} naming the field and the rule. */
  public static StoragePoolSpec fromXml(String xml) { return StorageCodecs.storagePoolSpecDocument().parse(xml); }

  /** This definition as libvirt XML. */
  public String toXml() { return StorageCodecs.storagePoolSpecDocument().render(this); }

  /** Paths this instance keeps verbatim because no typed field covers them yet; empty when fully typed. */
  @Value.Lazy public List<String> unmodeledPaths() { return StorageCodecs.storagePoolSpecDocument().unmodeledPaths(this); }

  /** Derives a changed copy; this one stays as it is. */
  public StoragePoolSpec copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** The XML, with secrets masked. */
  @Override public String toString() { return StorageCodecs.storagePoolSpecDocument().renderRedacted(this); }

  /** Builds a {@link StoragePoolSpec}; {@code build()} checks libvirt's define-time rules. */
  public static class Builder extends ImmutableStoragePoolSpec.Builder {}
}
