package io.kvmsdk.core.domain;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <driver>} of an interface: backend driver and virtio tuning. */
@Value.Immutable
public abstract class NicDriver {
  /** {@code vhost}, {@code qemu}, or for hostdev {@code vfio}, {@code kvm}, {@code xen}. */
  public abstract Optional<String> name();

  public abstract Optional<Integer> queues();

  /** {@code rx_queue_size}. */
  public abstract Optional<Integer> rxQueueSize();

  /** {@code tx_queue_size}. */
  public abstract Optional<Integer> txQueueSize();

  /** {@code iothread} or {@code timer}. */
  public abstract Optional<String> txmode();

  public abstract Optional<Boolean> ioeventfd();

  /** {@code event_idx}. */
  public abstract Optional<Boolean> eventIdx();

  public abstract Optional<Boolean> iommu();

  public abstract Optional<Boolean> ats();

  public abstract Optional<Boolean> packed();

  /** {@code page_per_vq}. */
  public abstract Optional<Boolean> pagePerVq();

  public abstract Optional<Boolean> rss();

  /** {@code rss_hash_report}. */
  public abstract Optional<Boolean> rssHashReport();

  public abstract Optional<NicDriverHost> host();

  public abstract Optional<NicDriverGuest> guest();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Derives a changed copy. */
  public NicDriver copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link NicDriver}. */
  public static class Builder extends ImmutableNicDriver.Builder {}
}
