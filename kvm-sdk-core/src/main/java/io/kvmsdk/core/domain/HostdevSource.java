package io.kvmsdk.core.domain;

import io.kvmsdk.core.common.*;
import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <source>} of a hostdev: the union of what each hostdev type allows. */
@Value.Immutable
public abstract class HostdevSource {
  /** USB: what happens when the device is missing. */
  public abstract Optional<String> startupPolicy();

  /** USB: whether guest resets reach the device ({@code off}, {@code uninitialized}, {@code on}). */
  public abstract Optional<String> guestReset();

  /** PCI: write filtering of config space. */
  public abstract Optional<Boolean> writeFiltering();

  /** SCSI: {@code iscsi}; scsi_host: {@code vhost}. */
  public abstract Optional<String> protocol();

  /** iSCSI target IQN and LUN. */
  public abstract Optional<String> name();

  /** scsi_host: the vhost WWPN. */
  public abstract Optional<String> wwpn();

  /** {@code <vendor id=''/>}: USB vendor id. */
  public abstract Optional<String> vendor();

  /** {@code <product id=''/>}: USB product id. */
  public abstract Optional<String> product();

  /** {@code <address>}: the device's host address. */
  public abstract Optional<HostdevSourceAddress> address();

  /** {@code <adapter name=''/>}: SCSI host adapter, such as {@code scsi_host0}. */
  public abstract Optional<String> adapter();

  /** {@code <host>}: iSCSI servers. */
  public abstract List<SourceHost> hosts();

  /** {@code <auth>}: iSCSI CHAP credentials. */
  public abstract Optional<Auth> auth();

  /** {@code <initiator>}: iSCSI initiator IQN. */
  public abstract Optional<DiskInitiator> initiator();

  /** {@code <block>}: host block device (capabilities storage). */
  public abstract Optional<String> block();

  /** {@code <char>}: host character device (capabilities misc). */
  public abstract Optional<String> charDevice();

  /** {@code <interface>}: host network interface (capabilities net). */
  public abstract Optional<String> interfaceName();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  @Value.Check protected void check() {
    if (vendor().isPresent() && product().isEmpty()) throw new InvalidSpecException("product", "required with a USB vendor id");
    if (product().isPresent() && vendor().isEmpty()) throw new InvalidSpecException("vendor", "required with a USB product id");
  }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public HostdevSource copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link HostdevSource}. */
  public static class Builder extends ImmutableHostdevSource.Builder {}
}
