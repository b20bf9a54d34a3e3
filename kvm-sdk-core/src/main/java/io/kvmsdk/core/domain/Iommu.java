package io.kvmsdk.core.domain;

import io.kvmsdk.core.common.*;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** {@code <iommu>}: an emulated IOMMU (intel, smmuv3, virtio). */
@Value.Immutable
public abstract class Iommu {
  /** intel, smmuv3 or virtio. */
  public abstract Optional<String> model();

  /** Options of the IOMMU ({@code <driver>}). */
  public abstract Optional<IommuDriver> driver();

  /** Device alias ({@code <alias name='...'/>}); user aliases start with {@code ua-}. */
  public abstract Optional<String> alias();

  /** ACPI index of the device ({@code <acpi index='N'/>}). */
  public abstract Optional<Integer> acpiIndex();

  /** Guest-visible address ({@code <address>}). */
  public abstract Optional<DeviceAddress> address();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** {@code <iommu model='intel'/>}. */
  public static Iommu intel() { return builder().model("intel").build(); }

  /** {@code <iommu model='...'/>}. */
  public static Iommu of(String model) { return builder().model(model).build(); }

  /** This IOMMU with {@code driver} options. */
  public Iommu withDriver(IommuDriver driver) { return copy(b -> b.driver(driver)); }

  /** Derives a changed copy; this value stays as it is. */
  public Iommu copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link Iommu}. */
  public static class Builder extends ImmutableIommu.Builder {}
}
