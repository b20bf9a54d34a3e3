package io.kvmsdk.network.ovs;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.RequiredFields;
import io.kvmsdk.network.internal.IfaceNames;
import java.util.List;
import org.immutables.value.Value;

/**
 * Port mirroring on an Open vSwitch bridge (a {@code Mirror} row): the traffic entering
 * ({@code select_src_port}) and/or leaving ({@code select_dst_port}) the selected ports, or all
 * of it, copied to an output port (an IDS, a capture VM's tap).
 */
@Value.Immutable
public abstract class OvsMirror {
  public abstract String name();

  /** Mirror every packet on the bridge ({@code select_all}). */
  @Value.Default public boolean selectAll() { return false; }

  /** Ports whose received traffic is mirrored. */
  public abstract List<String> selectSrcPorts();

  /** Ports whose sent traffic is mirrored. */
  public abstract List<String> selectDstPorts();

  /** Where the copies go ({@code output_port}). */
  public abstract String outputPort();

  public static Builder builder() { return new Builder(); }

  /** Mirrors both directions of {@code port} to {@code outputPort}. */
  public static OvsMirror of(String name, String port, String outputPort) {
    return builder().name(name).addSelectSrcPort(port).addSelectDstPort(port).outputPort(outputPort).build();
  }

  /** Every port this mirror names. */
  public List<String> ports() {
    java.util.LinkedHashSet<String> s = new java.util.LinkedHashSet<>(selectSrcPorts());
    s.addAll(selectDstPorts());
    s.add(outputPort());
    return List.copyOf(s);
  }

  @Value.Check protected void check() {
    String at = "mirror[" + name() + "]";
    OvsDb.name(at + "/@name", name());
    IfaceNames.check(at + "/@output_port", outputPort());
    selectSrcPorts().forEach(p -> IfaceNames.check(at + "/select_src_port", p));
    selectDstPorts().forEach(p -> IfaceNames.check(at + "/select_dst_port", p));
    if (!selectAll() && selectSrcPorts().isEmpty() && selectDstPorts().isEmpty()) {
      throw new InvalidSpecException(at + "/select_src_port", "a mirror selects some ports, or all (selectAll)");
    }
    if (selectSrcPorts().contains(outputPort()) || selectDstPorts().contains(outputPort())) {
      throw new InvalidSpecException(at + "/@output_port", "the output port cannot be mirrored itself: " + outputPort());
    }
  }

  /** Builds an {@link OvsMirror}. */
  public static class Builder extends ImmutableOvsMirror.Builder {
    private static final RequiredFields REQUIRED = RequiredFields.of("name", "mirror/@name", "outputPort", "mirror/@output_port");

    @Override public OvsMirror build() { return REQUIRED.build(super::build); }
  }

}
