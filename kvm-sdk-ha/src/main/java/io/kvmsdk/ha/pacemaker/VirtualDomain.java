package io.kvmsdk.ha.pacemaker;

import io.kvmsdk.ha.internal.Names;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A libvirt guest as a Pacemaker resource ({@code ocf:heartbeat:VirtualDomain}): Pacemaker starts
 * it from its domain XML file ({@code config}, written one element per line as the SDK writes it:
 * the agent reads the name with a line regex), monitors it, restarts or moves it, and live-migrates
 * it when {@link #allowMigrate()} is on.
 *
 * <pre>{@code
 * Primitive vm = VirtualDomain.builder().id("vm1").config("/etc/libvirt/qemu/vm1.xml")
 *     .migrationTransport("ssh").allowMigrate(true).build().toPrimitive();
 * }</pre>
 */
@Value.Immutable
public abstract class VirtualDomain {
  public abstract String id();

  /** The domain XML file ({@code config}). */
  public abstract String config();

  /** {@code hypervisor}: the libvirt URI (default {@code qemu:///system}). */
  @Value.Default public String hypervisor() { return "qemu:///system"; }

  /** {@code migration_transport}: ssh, tcp, tls, ... */
  public abstract Optional<String> migrationTransport();

  /** Meta {@code allow-migrate}: live migration instead of stop/start. */
  @Value.Default public boolean allowMigrate() { return false; }

  /** {@code force_stop}: destroy instead of shutdown on stop (guests that ignore ACPI). */
  public abstract Optional<Boolean> forceStop();

  @Value.Default public Duration monitorInterval() { return Duration.ofSeconds(10); }

  @Value.Default public Duration monitorTimeout() { return Duration.ofSeconds(30); }

  @Value.Default public Duration startTimeout() { return Duration.ofSeconds(90); }

  @Value.Default public Duration stopTimeout() { return Duration.ofSeconds(90); }

  @Value.Default public Duration migrateTimeout() { return Duration.ofSeconds(120); }

  public static VirtualDomain of(String id, String config) { return builder().id(id).config(config).build(); }

  public static Builder builder() { return new Builder(); }

  @Value.Check protected void check() {
    Names.xmlId("primitive", id());
    Ops.positive("primitive " + id() + "/op monitor/interval", monitorInterval());
    Ops.positive("primitive " + id() + "/op monitor/timeout", monitorTimeout());
    Ops.positive("primitive " + id() + "/op start/timeout", startTimeout());
    Ops.positive("primitive " + id() + "/op stop/timeout", stopTimeout());
    Ops.positive("primitive " + id() + "/op migrate_to/timeout", migrateTimeout());
    Names.path("primitive " + id() + "/config", config());
  }

  /** The primitive, with pcs's ids. */
  public Primitive toPrimitive() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("config", config());
    params.put("hypervisor", hypervisor());
    migrationTransport().ifPresent(t -> params.put("migration_transport", t));
    forceStop().ifPresent(f -> params.put("force_stop", String.valueOf(f)));
    Primitive.Builder b = Primitive.builder().id(id()).resourceClass("ocf").provider("heartbeat").type("VirtualDomain")
        .addInstanceAttribute(NvSet.of(id() + "-instance_attributes", params));
    if (allowMigrate()) b.addMetaAttribute(NvSet.of(id() + "-meta_attributes", Map.of("allow-migrate", "true")));
    Operations.Builder ops = Operations.builder()
        .addOp(Ops.op(id(), "monitor", monitorInterval(), monitorTimeout(), null))
        .addOp(Ops.op(id(), "start", Duration.ZERO, startTimeout(), null))
        .addOp(Ops.op(id(), "stop", Duration.ZERO, stopTimeout(), null));
    if (allowMigrate()) {
      ops.addOp(Ops.op(id(), "migrate_to", Duration.ZERO, migrateTimeout(), null));
      ops.addOp(Ops.op(id(), "migrate_from", Duration.ZERO, migrateTimeout(), null));
    }
    return b.operations(ops.build()).build();
  }

  /** Builds a {@link VirtualDomain}; a missing required field is an {@link io.kvmsdk.core.InvalidSpecException} naming it. */
  public static class Builder extends ImmutableVirtualDomain.Builder {
    private static final io.kvmsdk.core.RequiredFields REQUIRED = io.kvmsdk.core.RequiredFields.of("id", "primitive/@id", "config", "primitive/config");

    @Override public VirtualDomain build() { return REQUIRED.build(super::build); }
  }
}
