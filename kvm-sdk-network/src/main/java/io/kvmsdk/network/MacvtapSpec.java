package io.kvmsdk.network;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.RequiredFields;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.network.internal.IfaceNames;
import io.kvmsdk.network.internal.LinuxSteps;
import java.util.List;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A macvtap device on a lower interface ({@code ip link add link LOWER name NAME type macvtap mode
 * MODE}), as libvirt makes for {@code <interface type='direct'>}; made by hand for a guest started
 * outside libvirt or a test.
 */
@Value.Immutable
public abstract class MacvtapSpec implements LinkSpec {
  private static final Set<String> MODES = Set.of("bridge", "vepa", "private", "passthru");

  @Override public abstract String name();

  public abstract String lower();

  /** {@code bridge} (default), {@code vepa}, {@code private} or {@code passthru}. */
  @Value.Default public String mode() { return "bridge"; }

  public static Builder builder() { return new Builder(); }

  /** A bridge-mode macvtap {@code name} on {@code lower}. */
  public static MacvtapSpec of(String name, String lower) { return builder().name(name).lower(lower).build(); }

  @Override public Plan plan() {
    return Plan.builder()
        .step(LinuxSteps.create(name(), "macvtap", List.of("link", "add", "link", lower(), "name", name(), "type", "macvtap", "mode", mode())))
        .step(LinuxSteps.up(name()))
        .build();
  }

  @Override public Plan removalPlan() { return Plan.of(LinuxSteps.delete(name(), "macvtap")); }

  @Override public List<String> uses() { return List.of(); }

  @Value.Check protected void check() {
    IfaceNames.check("macvtap/@name", name());
    IfaceNames.check("macvtap/@lower", lower());
    if (!MODES.contains(mode())) throw new InvalidSpecException("macvtap[" + name() + "]/@mode", "must be bridge, vepa, private or passthru, got '" + mode() + "'");
  }

  /** Builds a {@link MacvtapSpec}. */
  public static class Builder extends ImmutableMacvtapSpec.Builder {
    private static final RequiredFields REQUIRED = RequiredFields.of("name", "macvtap/@name", "lower", "macvtap/@lower");

    @Override public MacvtapSpec build() { return REQUIRED.build(super::build); }
  }
}
