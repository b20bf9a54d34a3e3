package io.kvmsdk.storage.ceph;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.RequiredFields;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One {@code step} of a CRUSH rule: {@code take ROOT [class C]}, {@code choose|chooseleaf firstn|indep N
 * type T}, {@code emit}, or a {@code set_*} override of a tunable for the rule.
 */
@Value.Immutable
public abstract class CrushStep {
  /** The step's operation. */
  public enum Op {
    TAKE("take"), CHOOSE_FIRSTN("choose firstn"), CHOOSE_INDEP("choose indep"), CHOOSELEAF_FIRSTN("chooseleaf firstn"),
    CHOOSELEAF_INDEP("chooseleaf indep"), EMIT("emit"), SET_CHOOSE_TRIES("set_choose_tries"),
    SET_CHOOSE_LOCAL_TRIES("set_choose_local_tries"), SET_CHOOSE_LOCAL_FALLBACK_TRIES("set_choose_local_fallback_tries"),
    SET_CHOOSELEAF_TRIES("set_chooseleaf_tries"), SET_CHOOSELEAF_VARY_R("set_chooseleaf_vary_r"),
    SET_CHOOSELEAF_STABLE("set_chooseleaf_stable");

    private final String text;

    Op(String text) { this.text = text; }

    /** How the step starts in crushtool's text. */
    public String text() { return text; }

    /** A choose or chooseleaf step. */
    public boolean isChoose() { return this == CHOOSE_FIRSTN || this == CHOOSE_INDEP || this == CHOOSELEAF_FIRSTN || this == CHOOSELEAF_INDEP; }

    /** A firstn choose or chooseleaf step. */
    public boolean isFirstn() { return this == CHOOSE_FIRSTN || this == CHOOSELEAF_FIRSTN; }

    /** A {@code set_*} step. */
    public boolean isSet() { return name().startsWith("SET_"); }
  }

  public abstract Op op();

  /** take: the bucket (or device) to start from. */
  public abstract Optional<String> item();

  /** take: only devices of this class (the walk goes through the {@code ITEM~CLASS} shadow tree). */
  public abstract Optional<String> deviceClass();

  /** choose/chooseleaf: how many (0 = as many as the pool size, -N = size minus N); set_*: the value. */
  @Value.Default public int num() { return 0; }

  /** choose/chooseleaf: the type of item to choose (the failure domain). */
  public abstract Optional<String> type();

  public static CrushStep take(String item) { return builder().op(Op.TAKE).item(item).build(); }

  public static CrushStep take(String item, String deviceClass) { return builder().op(Op.TAKE).item(item).deviceClass(deviceClass).build(); }

  public static CrushStep chooseFirstn(int num, String type) { return choose(Op.CHOOSE_FIRSTN, num, type); }

  public static CrushStep chooseIndep(int num, String type) { return choose(Op.CHOOSE_INDEP, num, type); }

  public static CrushStep chooseleafFirstn(int num, String type) { return choose(Op.CHOOSELEAF_FIRSTN, num, type); }

  public static CrushStep chooseleafIndep(int num, String type) { return choose(Op.CHOOSELEAF_INDEP, num, type); }

  public static CrushStep emit() { return builder().op(Op.EMIT).build(); }

  public static CrushStep setChooseTries(int n) { return set(Op.SET_CHOOSE_TRIES, n); }

  public static CrushStep setChooseleafTries(int n) { return set(Op.SET_CHOOSELEAF_TRIES, n); }

  public static CrushStep setChooseLocalTries(int n) { return set(Op.SET_CHOOSE_LOCAL_TRIES, n); }

  public static CrushStep setChooseLocalFallbackTries(int n) { return set(Op.SET_CHOOSE_LOCAL_FALLBACK_TRIES, n); }

  public static CrushStep setChooseleafVaryR(int n) { return set(Op.SET_CHOOSELEAF_VARY_R, n); }

  public static CrushStep setChooseleafStable(int n) { return set(Op.SET_CHOOSELEAF_STABLE, n); }

  public static CrushStep choose(Op op, int num, String type) {
    if (!op.isChoose()) throw new InvalidSpecException("step", op.text() + " is not a choose step");
    return builder().op(op).num(num).type(type).build();
  }

  public static CrushStep set(Op op, int value) {
    if (!op.isSet()) throw new InvalidSpecException("step", op.text() + " is not a set_* step");
    return builder().op(op).num(value).build();
  }

  public static Builder builder() { return new Builder(); }

  /** The step as crushtool writes it, without the leading {@code step}. */
  public String text() {
    switch (op()) {
      case TAKE: return "take " + item().orElse("") + deviceClass().map(c -> " class " + c).orElse("");
      case EMIT: return "emit";
      default:
        if (op().isChoose()) return op().text() + " " + num() + " type " + type().orElse("");
        return op().text() + " " + num();
    }
  }

  @Override public String toString() { return "step " + text(); }

  @Value.Check protected void check() {
    String at = "step " + op().text();
    if (op() == Op.TAKE) {
      if (item().isEmpty()) throw new InvalidSpecException(at, "take needs a bucket or device name");
      CrushNames.check(at + "/item", item().get());
      deviceClass().ifPresent(c -> CrushNames.check(at + "/class", c));
    } else if (item().isPresent() || deviceClass().isPresent()) {
      throw new InvalidSpecException(at, "only take names an item or a device class");
    }
    if (op().isChoose()) {
      if (type().isEmpty()) throw new InvalidSpecException(at, "needs the type to choose (the failure domain)");
      CrushNames.check(at + "/type", type().get());
    } else if (type().isPresent()) {
      throw new InvalidSpecException(at, "only choose and chooseleaf name a type");
    }
    if (op().isSet() && num() < 0) throw new InvalidSpecException(at, "must be >= 0, got " + num());
  }

  public static class Builder extends ImmutableCrushStep.Builder {
    private static final RequiredFields REQUIRED = RequiredFields.of("op", "step/op");
    @Override public CrushStep build() { return REQUIRED.build(super::build); }
  }
}
