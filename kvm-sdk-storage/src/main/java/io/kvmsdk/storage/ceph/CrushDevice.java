package io.kvmsdk.storage.ceph;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.RequiredFields;
import java.util.Optional;
import org.immutables.value.Value;

/** A {@code device ID NAME [class CLASS]} line: an OSD of the map. */
@Value.Immutable
public abstract class CrushDevice {
  /** The OSD id (&gt;= 0). */
  public abstract int id();

  /** The device name, {@code osd.ID} by convention. */
  public abstract String name();

  /** The device class ({@code hdd}, {@code ssd}, {@code nvme}, ...): rules may take only devices of one class. */
  public abstract Optional<String> deviceClass();

  public static CrushDevice of(int id) { return builder().id(id).name("osd." + id).build(); }

  public static CrushDevice of(int id, String deviceClass) { return builder().id(id).name("osd." + id).deviceClass(deviceClass).build(); }

  public static Builder builder() { return new Builder(); }

  @Value.Check protected void check() {
    if (id() < 0) throw new InvalidSpecException("device " + name() + "/id", "must be >= 0, got " + id());
    CrushNames.check("device " + id() + "/name", name());
    deviceClass().ifPresent(c -> CrushNames.check("device " + name() + "/class", c));
  }

  public static class Builder extends ImmutableCrushDevice.Builder {
    private static final RequiredFields REQUIRED = RequiredFields.of("id", "device/id", "name", "device/name");
    @Override public CrushDevice build() { return REQUIRED.build(super::build); }
  }
}
