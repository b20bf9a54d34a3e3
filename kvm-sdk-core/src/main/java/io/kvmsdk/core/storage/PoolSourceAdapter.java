package io.kvmsdk.core.storage;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * {@code <adapter>} of a {@code scsi} pool: a SCSI host by name ({@code scsi_host1}) or by its HBA's PCI
 * address, or a Fibre Channel vHBA ({@code fc_host}) by its WWNN/WWPN.
 *
 * <pre>{@code
 * PoolSourceAdapter.scsiHost("scsi_host1");
 * PoolSourceAdapter.fcHost("20000000c9831b4b", "10000000c9831b4b").copy(b -> b.parent("scsi_host5"));
 * }</pre>
 */
@Value.Immutable
public abstract class PoolSourceAdapter {
  /** {@code scsi_host} or {@code fc_host}; absent in the legacy form {@code <adapter name='host0'/>}. */
  public abstract Optional<String> type();

  /** The scsi_host name ({@code scsi_host1}). */
  public abstract Optional<String> name();

  /** fc_host: the vport-capable parent scsi_host. */
  public abstract Optional<String> parent();

  /** fc_host: whether libvirt destroys the vHBA when the pool is destroyed. */
  public abstract Optional<Boolean> managed();

  /** fc_host: the parent HBA's WWNN (with {@link #parentWwpn()}). */
  public abstract Optional<String> parentWwnn();

  /** fc_host: the parent HBA's WWPN (with {@link #parentWwnn()}). */
  public abstract Optional<String> parentWwpn();

  /** fc_host: the fabric WWN the parent must be on. */
  public abstract Optional<String> parentFabricWwn();

  /** fc_host: the vHBA's World Wide Node Name. */
  public abstract Optional<String> wwnn();

  /** fc_host: the vHBA's World Wide Port Name. */
  public abstract Optional<String> wwpn();

  /** scsi_host: {@code <parentaddr>}, the HBA's PCI address (instead of {@link #name()}). */
  public abstract Optional<PoolAdapterParentAddr> parentaddr();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  /** {@code <adapter type='scsi_host' name='...'/>}. */
  public static PoolSourceAdapter scsiHost(String name) { return builder().type("scsi_host").name(name).build(); }

  /** {@code <adapter type='scsi_host'><parentaddr .../></adapter>}. */
  public static PoolSourceAdapter scsiHost(PoolAdapterParentAddr parentaddr) {
    return builder().type("scsi_host").parentaddr(parentaddr).build();
  }

  /** {@code <adapter type='fc_host' wwnn='...' wwpn='...'/>}. */
  public static PoolSourceAdapter fcHost(String wwnn, String wwpn) { return builder().type("fc_host").wwnn(wwnn).wwpn(wwpn).build(); }

  /** Whether this is an fc_host adapter. */
  public boolean isFcHost() { return type().filter("fc_host"::equals).isPresent(); }

  private static final Pattern WWN = Pattern.compile("(0[xX])?[0-9a-fA-F]{16}");

  @Value.Check protected void check() {
    // libvirt: virStorageAdapterParseXML (applies to any pool type that carries an adapter)
    if (type().isPresent() && !type().get().equals("scsi_host") && !type().get().equals("fc_host")) {
      throw new InvalidSpecException("@type", "must be 'scsi_host' or 'fc_host', got '" + type().get() + "'");
    }
    if (type().isEmpty()) {
      if (wwnn().isPresent() || wwpn().isPresent() || parent().isPresent()) {
        throw new InvalidSpecException("@type", "is required with wwnn, wwpn or parent (use type='fc_host')");
      }
      if (parentaddr().isPresent()) throw new InvalidSpecException("@type", "is required with <parentaddr> (use type='scsi_host')");
    }
  }

  /** libvirt's rules for the adapter of a {@code scsi} pool (virStorageAdapterValidate, applied when the pool is defined). */
  void checkForScsiPool(String path) {
    boolean legacy = type().isEmpty();
    if (legacy && name().isEmpty()) throw new InvalidSpecException(path, "missing storage pool source adapter (a type, or a name)");
    if (isFcHost()) {
      if (wwnn().isEmpty() || wwpn().isEmpty()) throw new InvalidSpecException(path + (wwnn().isEmpty() ? "/@wwnn" : "/@wwpn"), "is required for an fc_host adapter");
      wwn(wwnn(), path + "/@wwnn");
      wwn(wwpn(), path + "/@wwpn");
      if (parentWwnn().isPresent() != parentWwpn().isPresent()) {
        throw new InvalidSpecException(path + (parentWwnn().isPresent() ? "/@parent_wwpn" : "/@parent_wwnn"), "parent_wwnn and parent_wwpn go together");
      }
      wwn(parentWwnn(), path + "/@parent_wwnn");
      wwn(parentWwpn(), path + "/@parent_wwpn");
      wwn(parentFabricWwn(), path + "/@parent_fabric_wwn");
    } else if (!legacy) {
      if (name().isEmpty() && parentaddr().isEmpty()) throw new InvalidSpecException(path, "a scsi_host adapter needs a name or a <parentaddr>");
      if (name().isPresent() && parentaddr().isPresent()) throw new InvalidSpecException(path + "/@name", "a scsi_host adapter takes a name or a <parentaddr>, not both");
    }
  }

  private static void wwn(Optional<String> v, String path) {
    if (v.isPresent() && !WWN.matcher(v.get()).matches()) throw new InvalidSpecException(path, "must be a WWN of 16 hex digits, got '" + v.get() + "'");
  }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy; this one stays as it is. */
  public PoolSourceAdapter copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link PoolSourceAdapter}. */
  public static class Builder extends ImmutablePoolSourceAdapter.Builder {}
}
