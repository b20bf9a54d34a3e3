package io.kvmsdk.ha.pacemaker;

import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A {@code <primitive>}: one resource run by a resource agent ({@code ocf:heartbeat:VirtualDomain}, {@code stonith:fence_virsh}, ...). */
@Value.Immutable
public abstract class Primitive {
  public abstract Optional<String> id();

  /** {@code class}: ocf, stonith, systemd, lsb, ... */
  public abstract Optional<String> resourceClass();

  public abstract Optional<String> provider();

  /** The agent: VirtualDomain, IPaddr2, fence_virsh, drbd, ... */
  public abstract Optional<String> type();

  public abstract Optional<String> description();

  /** The agent's parameters */
  public abstract List<NvSet> instanceAttributes();

  /** Pacemaker's options for the resource (allow-migrate, target-role, ...) */
  public abstract List<NvSet> metaAttributes();

  public abstract Optional<Operations> operations();

  /** Attributes and children no field covers, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** The agent parameter {@code name} (first instance_attributes set that has it). */
  public Optional<String> param(String name) {
    return instanceAttributes().stream().map(s -> s.value(name)).flatMap(Optional::stream).findFirst();
  }

  /** The meta attribute {@code name}. */
  public Optional<String> meta(String name) {
    return metaAttributes().stream().map(s -> s.value(name)).flatMap(Optional::stream).findFirst();
  }

  /** {@code class:provider:type} (or {@code class:type}) as pcs names agents. */
  public String agent() {
    return resourceClass().orElse("ocf") + provider().map(p -> ":" + p).orElse("") + ":" + type().orElse("");
  }

  @Override public String toString() { return io.kvmsdk.ha.internal.CibCodecs.render(this); }

  public static class Builder extends ImmutablePrimitive.Builder {}
}
