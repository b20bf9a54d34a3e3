package io.kvmsdk.storage.ceph;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.core.host.Step;
import io.kvmsdk.storage.ceph.internal.CrushCompile;
import io.kvmsdk.storage.ceph.internal.CrushEngine;
import io.kvmsdk.storage.ceph.internal.CrushNormalize;
import io.kvmsdk.storage.ceph.internal.CrushText;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.immutables.value.Value;

/**
 * A CRUSH map: tunables, devices (with classes), bucket types, buckets, rules and choose_args, read
 * from and written as crushtool's text form, and a placement simulator that gives, for every input,
 * the same OSDs as {@code crushtool --test --show-mappings}.
 *
 * <pre>{@code
 * CrushMap map = CrushMap.parse(Files.readString(Path.of("crush.txt")));   // crushtool -d output
 * int[] osds = map.map(0, 42, 3);                                         // CRUSH rule 0 x 42 [..]
 * CrushMap drained = map.withReweight(7, 0.0);                            // as crushtool --weight 7 0
 * PlacementReport r = map.placement("replicated_rule", 3, 1024);
 * r.allDistinct("rack");                                                  // 3 replicas in 3 racks for every PG?
 * String text = map.toText();                                             // crushtool -c accepts it
 * }</pre>
 *
 * <p>Building or parsing fills in what crushtool would: bucket ids left out (the highest free
 * negative id, in definition order), rule ids left out (the lowest free), and the ids of the
 * per-class shadow buckets ({@code default~ssd}) Ceph builds when the map has rules; then it puts
 * devices, buckets and rules in crushtool's order, so {@code parse(m.toText()).equals(m)} and
 * {@code crushtool -d} of the compiled {@code toText()} is {@code toText()} again. Refused, naming the
 * field: duplicate ids or names, an item no device or bucket has that name, a bucket cycle, a device
 * in two buckets, a rule that takes a missing bucket or class or chooses a missing type, an erasure
 * rule with a firstn step, uniform buckets of unequal weights, weights Ceph cannot hold.
 *
 * <p>{@link #reweights()} are the test reweights of {@code crushtool --weight}: they change mappings
 * (an OSD at 0 is out) but are not part of the text.
 */
@Value.Immutable
public abstract class CrushMap {
  /** The item id CRUSH puts in an empty slot of an indep (erasure) mapping: 2147483647. */
  public static final int ITEM_NONE = CrushEngine.ITEM_NONE;

  @Value.Default public CrushTunables tunables() { return CrushTunables.legacy(); }

  public abstract List<CrushDevice> devices();

  public abstract List<CrushType> types();

  public abstract List<CrushBucket> buckets();

  public abstract List<CrushRule> rules();

  public abstract List<CrushChooseArgs> chooseArgs();

  /** Test reweights by OSD id, 16.16 (0x10000 = in, 0 = out), as {@code crushtool --weight}. */
  public abstract Map<Integer, Integer> reweights();

  public static Builder builder() { return new Builder(); }

  /**
   * Reads crushtool's text form ({@code crushtool -d} output, or a hand-written map). A syntax error
   * is a {@link CrushSyntaxException} with the line and column; a map crushtool would refuse (an
   * item not defined yet, a bucket type that does not exist, ...) is an {@link InvalidSpecException}
   * naming the line.
   */
  public static CrushMap parse(String text) { return CrushText.parse(text); }

  /**
   * What {@code crushtool --build --num_osds N LAYER...} builds: {@code numOsds} OSDs of weight 1,
   * grouped by each layer into buckets of {@code size} items (0: one bucket for all), types 1.. named
   * after the layers, the optimal tunables and the {@code replicated_rule} (take the last layer's
   * bucket, chooseleaf firstn 0 over the first layer's type).
   */
  public static CrushMap generate(int numOsds, Layer... layers) { return CrushCompile.generate(numOsds, Arrays.asList(layers)); }

  /** One layer of {@link #generate(int, Layer...)}: a type name, a bucket algorithm and the items per bucket. */
  public record Layer(String name, CrushBucketAlg alg, int size) {
    public static Layer of(String name, CrushBucketAlg alg, int size) { return new Layer(name, alg, size); }
  }

  /** The map in crushtool's text form, as {@code crushtool -d} writes it (reweights are not part of it). */
  public String toText() { return CrushText.render(this); }

  @Override public String toString() { return toText(); }

  public CrushMap copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** This map with {@code rule} added (its id, when absent, the lowest free one). */
  public CrushMap withRule(CrushRule rule) { return copy(b -> b.addRule(rule)); }

  /** This map with {@code bucket} added. */
  public CrushMap withBucket(CrushBucket bucket) { return copy(b -> b.addBucket(bucket)); }

  /**
   * This map with OSD {@code osd} reweighted for mapping as {@code crushtool --weight osd weight}
   * does (0 = out, 1 = fully in; clamped to [0, 1]).
   */
  public CrushMap withReweight(int osd, double weight) {
    if (devices().stream().noneMatch(d -> d.id() == osd)) throw new InvalidSpecException("reweight osd." + osd, "the map has no device " + osd);
    int w = (int) ((float) weight * (float) 0x10000);
    int clamped = Math.max(0, Math.min(0x10000, w));
    return copy(b -> b.putReweight(osd, clamped));
  }

  /** This map with every OSD under bucket (or device) {@code name} out (reweight 0): a host or a rack failing. */
  public CrushMap withOut(String name) {
    List<Integer> osds = devicesUnder(name);
    return copy(b -> osds.forEach(o -> b.putReweight(o, 0)));
  }

  /** The OSD ids under bucket (or device) {@code name}. */
  public List<Integer> devicesUnder(String name) { return CrushCompile.devicesUnder(this, name); }

  /** The bucket named {@code name}. */
  public Optional<CrushBucket> bucket(String name) { return buckets().stream().filter(b -> b.name().equals(name)).findFirst(); }

  /** The rule named {@code name}. */
  public Optional<CrushRule> rule(String name) { return rules().stream().filter(r -> r.name().equals(name)).findFirst(); }

  /** The id of the rule named {@code name}. */
  public int ruleId(String name) {
    return rule(name).flatMap(CrushRule::id)
        .orElseThrow(() -> new InvalidSpecException("rule " + name, "the map has no rule named '" + name + "'"));
  }

  /**
   * The OSDs CRUSH maps input {@code x} to through rule {@code ruleId} for a pool of size
   * {@code numReplicas}, exactly as {@code crushtool --test --rule R --num-rep N --show-mappings}
   * prints them for x: fewer items when a firstn rule runs out of failure domains,
   * {@link #ITEM_NONE} in the empty positions of an indep rule, none for a rule that does not exist.
   */
  public int[] map(int ruleId, int x, int numReplicas) {
    CrushEngine e = engine();
    int[] out = new int[Math.max(numReplicas, 0)];
    int n = e.doRule(ruleId, x, out, numReplicas, weightVector(), e.newWork());
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  /** {@link #map(int, int, int)} by rule name. */
  public int[] map(String rule, int x, int numReplicas) { return map(ruleId(rule), x, numReplicas); }

  /** A reusable mapper for one thread: no allocation per mapping. */
  public Mapper mapper() { return new Mapper(engine(), weightVector()); }

  /** Maps many inputs on one thread without allocating per input (see {@link CrushMap#mapper()}). */
  public static final class Mapper {
    private final CrushEngine engine;
    private final int[] weights;
    private final CrushEngine.Work work;

    Mapper(CrushEngine engine, int[] weights) {
      this.engine = engine;
      this.weights = weights;
      this.work = engine.newWork();
    }

    /** Maps {@code x} into {@code out} (its length is the pool size); returns how many OSDs were written. */
    public int map(int ruleId, int x, int[] out) { return engine.doRule(ruleId, x, out, out.length, weights, work); }
  }

  /**
   * Maps {@code count} placement groups (inputs 0..count-1, as {@code crushtool --test --min-x 0
   * --max-x count-1}) through {@code rule} with pool size {@code size}, and answers the questions an
   * operator asks before a change: all replicas in distinct failure domains? how full is each OSD,
   * host, rack? See {@link PlacementReport}.
   */
  public PlacementReport placement(String rule, int size, int count) { return PlacementReport.of(this, ruleId(rule), size, count, 1); }

  /** {@link #placement(String, int, int)} on {@code threads} threads. */
  public PlacementReport placement(String rule, int size, int count, int threads) {
    return PlacementReport.of(this, ruleId(rule), size, count, threads);
  }

  /**
   * What changes between this map and {@code after} for {@code count} placement groups of a pool of
   * {@code size} through {@code rule} (by name in each map): how many PGs and replicas move.
   */
  public Movement movementTo(CrushMap after, String rule, int size, int count) {
    return Movement.of(this, ruleId(rule), after, after.ruleId(rule), size, count);
  }

  /** As {@link #movementTo(CrushMap, String, int, int)} with a different rule after (a rule change). */
  public Movement movementTo(CrushMap after, String ruleBefore, String ruleAfter, int size, int count) {
    return Movement.of(this, ruleId(ruleBefore), after, after.ruleId(ruleAfter), size, count);
  }

  /**
   * Warnings (not errors) about running a pool of {@code size} on rule {@code rule}: each one says
   * how many failure domains the rule's root has and how many the pool needs. Empty when it fits.
   */
  public List<String> checkPool(String rule, int size) { return CrushCompile.checkPool(this, rule(rule).orElseThrow(
      () -> new InvalidSpecException("rule " + rule, "the map has no rule named '" + rule + "'")), size); }

  /**
   * The plan that installs this whole map on a cluster: compile the text with crushtool into
   * {@code binaryFile}, then {@code ceph osd setcrushmap -i binaryFile}.
   */
  public Plan setPlan(String binaryFile) {
    return Plan.of(
        Step.of("compile the CRUSH map into " + binaryFile,
            HostCommand.builder().args("crushtool", "-c", "/dev/stdin", "-o", binaryFile).stdin(toText()).build()),
        Step.of("set the cluster's CRUSH map", HostCommand.of("ceph", "osd", "setcrushmap", "-i", binaryFile)));
  }

  /**
   * The plan that creates this map's buckets on a running cluster and hangs each under its parent
   * ({@code ceph osd crush add-bucket NAME TYPE}, {@code ceph osd crush move NAME TYPE=PARENT}),
   * parents first; devices are added by the OSDs themselves when they start.
   */
  public Plan bucketPlan() { return CrushCompile.bucketPlan(this); }

  /** The compiled map the simulator walks (shadow trees included). */
  @Value.Lazy public CrushEngine engine() { return CrushCompile.engine(this); }

  /** The reweight vector mappings use (internal). */
  @Value.Lazy protected int[] weightVector() { return CrushCompile.weights(this, engine()); }

  @Value.Check protected CrushMap normalize() { return CrushNormalize.normalize(this); }

  public static class Builder extends ImmutableCrushMap.Builder {}
}
