package io.kvmsdk.storage.ceph;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.RequiredFields;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.core.host.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A CRUSH rule: how a pool's replicas (or erasure-code chunks) are placed. Replicated rules choose
 * {@code firstn} (a shorter list when failure domains run out); erasure rules choose {@code indep}
 * (positions stay put, an empty one is {@code 2147483647}), so an erasure rule with a firstn step is
 * refused. Pacific wants {@code min_size}/{@code max_size}: they default to 1 and 10 (replicated)
 * or 3 and 20 (erasure), as Ceph's own rule commands set them.
 *
 * <pre>{@code
 * CrushRule byRack = CrushRule.replicated("by_rack", "default", "rack");        // one replica per rack
 * CrushRule ssd = CrushRule.replicated("fast", "default", "host", "ssd");       // ssd OSDs only
 * CrushRule ec = CrushRule.erasure("ec42", "default", "host");                  // k+m chunks, one per host
 * }</pre>
 */
@Value.Immutable
public abstract class CrushRule {
  /** Replicated or erasure. */
  public enum Type {
    REPLICATED(1), ERASURE(3);

    private final int code;

    Type(int code) { this.code = code; }

    /** Ceph's pool type number. */
    public int code() { return code; }

    public String text() { return name().toLowerCase(java.util.Locale.ROOT); }
  }

  /** The rule id (the pool's {@code crush_rule}); absent means "the next free id" when added to a map. */
  public abstract Optional<Integer> id();

  public abstract String name();

  @Value.Default public Type type() { return Type.REPLICATED; }

  @Value.Default public int minSize() { return type() == Type.ERASURE ? 3 : 1; }

  @Value.Default public int maxSize() { return type() == Type.ERASURE ? 20 : 10; }

  public abstract List<CrushStep> steps();

  /** One replica per {@code failureDomainType} under {@code root}: take, chooseleaf firstn 0, emit (what {@code ceph osd crush rule create-replicated} makes). */
  public static CrushRule replicated(String name, String root, String failureDomainType) {
    return builder().name(name).addStep(CrushStep.take(root)).addStep(CrushStep.chooseleafFirstn(0, failureDomainType))
        .addStep(CrushStep.emit()).build();
  }

  /** As {@link #replicated(String, String, String)}, on devices of {@code deviceClass} only. */
  public static CrushRule replicated(String name, String root, String failureDomainType, String deviceClass) {
    return builder().name(name).addStep(CrushStep.take(root, deviceClass)).addStep(CrushStep.chooseleafFirstn(0, failureDomainType))
        .addStep(CrushStep.emit()).build();
  }

  /** One chunk per {@code failureDomainType}: the steps {@code ceph osd crush rule create-erasure} makes (tries 5 and 100, chooseleaf indep 0). */
  public static CrushRule erasure(String name, String root, String failureDomainType) {
    return erasure(name, root, failureDomainType, null);
  }

  /** As {@link #erasure(String, String, String)}, on devices of {@code deviceClass} only (null: any). */
  public static CrushRule erasure(String name, String root, String failureDomainType, String deviceClass) {
    return builder().name(name).type(Type.ERASURE)
        .addStep(CrushStep.setChooseleafTries(5)).addStep(CrushStep.setChooseTries(100))
        .addStep(deviceClass == null ? CrushStep.take(root) : CrushStep.take(root, deviceClass))
        .addStep(CrushStep.chooseleafIndep(0, failureDomainType)).addStep(CrushStep.emit()).build();
  }

  public static Builder builder() { return new Builder(); }

  public CrushRule copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** The root this rule takes (its first take step). */
  public Optional<String> root() { return steps().stream().filter(s -> s.op() == CrushStep.Op.TAKE).findFirst().flatMap(CrushStep::item); }

  /** The device class its first take step is limited to. */
  public Optional<String> deviceClass() { return steps().stream().filter(s -> s.op() == CrushStep.Op.TAKE).findFirst().flatMap(CrushStep::deviceClass); }

  /** The type of the last choose step: the failure domain replicas are spread over. */
  public Optional<String> failureDomain() {
    String t = null;
    for (CrushStep s : steps()) if (s.op().isChoose()) t = s.type().orElse(null);
    return Optional.ofNullable(t);
  }

  /** True when the rule is a plain take / chooseleaf / emit that {@code ceph osd crush rule create-replicated} can make. */
  public boolean isSimpleReplicated() {
    return type() == Type.REPLICATED && steps().size() == 3 && steps().get(0).op() == CrushStep.Op.TAKE
        && steps().get(1).op() == CrushStep.Op.CHOOSELEAF_FIRSTN && steps().get(1).num() == 0
        && steps().get(2).op() == CrushStep.Op.EMIT;
  }

  /**
   * The plan that creates this rule on a running cluster with {@code ceph osd crush rule
   * create-replicated NAME ROOT TYPE [CLASS]} (check: {@code ceph osd crush rule dump NAME} finds it;
   * undo: {@code rule rm}). Rules of another shape go in with the whole map ({@link CrushMap#setPlan(String)}).
   */
  public Plan createPlan() {
    if (!isSimpleReplicated()) {
      throw new InvalidSpecException("rule " + name(), "only take/chooseleaf firstn 0/emit rules can be created with 'ceph osd crush rule create-replicated'; "
          + "set the whole map instead (CrushMap.setPlan)");
    }
    List<String> argv = new ArrayList<>(List.of("ceph", "osd", "crush", "rule", "create-replicated", name(), root().orElseThrow(),
        failureDomain().orElseThrow()));
    deviceClass().ifPresent(argv::add);
    // the root bucket, failure domain type and device class are CRUSH names crushtool takes with a leading '-'; ceph's argv does not
    String[] what = {"step take", "step chooseleaf type", "step take class"};
    for (int i = 6; i < argv.size(); i++) {
      if (argv.get(i).startsWith("-")) throw new InvalidSpecException("rule " + name() + "/" + what[i - 6], CrushNames.noDash(argv.get(i)));
    }
    return Plan.of(Step.builder("create CRUSH rule " + name())
        .check(HostCommand.of("ceph", "osd", "crush", "rule", "dump", name()))
        .change(HostCommand.of(argv))
        .undo(HostCommand.of("ceph", "osd", "crush", "rule", "rm", name()))
        .build());
  }

  /** The rule in crushtool's text form (with its id when it has one). */
  public String toText() { return io.kvmsdk.storage.ceph.internal.CrushText.renderRule(this); }

  @Value.Check protected void check() {
    CrushNames.checkArg("rule/name", name());
    String at = "rule " + name();
    id().ifPresent(id -> {
      if (id < 0 || id > 255) throw new InvalidSpecException(at + "/id", "must be 0..255, got " + id);
    });
    if (minSize() < 0 || maxSize() < 0 || minSize() > 255 || maxSize() > 255) {
      throw new InvalidSpecException(at + "/min_size", "min_size and max_size must be 0..255, got " + minSize() + " and " + maxSize());
    }
    if (minSize() > maxSize()) throw new InvalidSpecException(at + "/min_size", "min_size " + minSize() + " is above max_size " + maxSize());
    if (steps().isEmpty()) throw new InvalidSpecException(at + "/step", "a rule needs at least one step");
    for (CrushStep s : steps()) {
      if (type() == Type.ERASURE && s.op().isFirstn()) {
        throw new InvalidSpecException(at + "/" + s, "an erasure rule must choose indep (firstn shifts the chunks of every later position when a device fails)");
      }
    }
  }

  public static class Builder extends ImmutableCrushRule.Builder {
    private static final RequiredFields REQUIRED = RequiredFields.of("name", "rule/name");
    @Override public CrushRule build() { return REQUIRED.build(super::build); }
  }
}
