package io.kvmsdk.core.common;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <address type='pci'><zpci uid='..' fid='..'/>}: the s390 zPCI user and function identifiers. */
@Value.Immutable
public abstract class DeviceAddressZpci {
  public abstract Optional<String> uid();

  public abstract Optional<String> fid();

  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Builds a {@link DeviceAddressZpci}. */
  public static class Builder extends ImmutableDeviceAddressZpci.Builder {}
}
