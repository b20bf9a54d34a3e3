package io.kvmsdk.storage.ceph;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.RequiredFields;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A bucket ({@code host}, {@code rack}, {@code root}, ...): its id, type, algorithm and items. The id
 * may be left out; the map then picks it as crushtool does (the highest free negative id). The
 * {@link #classIds()} are the ids of the bucket's per-class shadow copies ({@code id -11 class ssd}),
 * which Ceph builds for rules that take one device class; the map fills them in as crushtool would.
 *
 * <pre>{@code
 * CrushBucket h1 = CrushBucket.of("host", "h1", CrushBucketItem.of("osd.0", 1.0), CrushBucketItem.of("osd.1", 1.0));
 * }</pre>
 */
@Value.Immutable
public abstract class CrushBucket {
  /** The bucket id (&lt; 0); absent means "assign as crushtool does". */
  public abstract Optional<Integer> id();

  public abstract String name();

  /** The bucket's type name ({@code host}, {@code rack}, ...): one of the map's types. */
  public abstract String type();

  @Value.Default public CrushBucketAlg alg() { return CrushBucketAlg.STRAW2; }

  /** The hash ({@code 0} = rjenkins1, the only one CRUSH defines). */
  @Value.Default public int hash() { return 0; }

  /** The items, in position order. */
  public abstract List<CrushBucketItem> items();

  /** Shadow bucket ids per device class, in Ceph's class order. */
  public abstract Map<String, Integer> classIds();

  /** The total weight (16.16) as Ceph computes it: the sum of the items' weights. */
  @Value.Derived public int weightFixed() {
    long w = 0;
    for (CrushBucketItem i : items()) w += Integer.toUnsignedLong(i.weightFixed());
    if (alg() == CrushBucketAlg.UNIFORM && !items().isEmpty()) w = (long) items().size() * Integer.toUnsignedLong(items().get(0).weightFixed());
    return (int) w;
  }

  /** The total weight as a number. */
  public double weight() { return Integer.toUnsignedLong(weightFixed()) / 65536.0; }

  public static CrushBucket of(String type, String name, CrushBucketItem... items) {
    return builder().type(type).name(name).items(Arrays.asList(items)).build();
  }

  public static Builder builder() { return new Builder(); }

  public CrushBucket copy(Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  @Value.Check protected void check() {
    CrushNames.check("bucket/name", name());
    String at = "bucket " + name();
    CrushNames.check(at + "/type", type());
    id().ifPresent(id -> {
      if (id >= 0) throw new InvalidSpecException(at + "/id", "a bucket id must be negative, got " + id);
    });
    Set<String> seen = new HashSet<>();
    long total = 0;
    for (CrushBucketItem i : items()) {
      if (!seen.add(i.name())) throw new InvalidSpecException(at + "/item " + i.name(), "is listed twice in bucket '" + name() + "'");
      total += Integer.toUnsignedLong(i.weightFixed());
    }
    if (total > 0xffffffffL) {
      throw new InvalidSpecException(at + "/weight", "the items' weights overflow Ceph's 32-bit bucket weight; lower them");
    }
    if (alg() == CrushBucketAlg.UNIFORM && !items().isEmpty()) {
      int w = items().get(0).weightFixed();
      if (w == 0) {
        throw new InvalidSpecException(at + "/item " + items().get(0).name() + "/weight", "the items of uniform bucket '" + name()
            + "' weigh 0: Ceph cannot build that bucket (crushtool aborts); give them a weight or use straw2");
      }
      for (CrushBucketItem i : items()) {
        if (i.weightFixed() != w) {
          throw new InvalidSpecException(at + "/item " + i.name() + "/weight", "item '" + i.name() + "' in uniform bucket '" + name()
              + "' has weight " + CrushNames.print(i.weightFixed()) + " but previous item(s) have weight " + CrushNames.print(w)
              + "; uniform bucket items must all have identical weights");
        }
      }
    }
    for (Map.Entry<String, Integer> e : classIds().entrySet()) {
      CrushNames.check(at + "/id class", e.getKey());
      if (e.getValue() >= 0) throw new InvalidSpecException(at + "/id " + e.getValue() + " class " + e.getKey(), "a shadow bucket id must be negative");
    }
  }

  public static class Builder extends ImmutableCrushBucket.Builder {
    private static final RequiredFields REQUIRED = RequiredFields.of("name", "bucket/name", "type", "bucket/type");
    @Override public CrushBucket build() { return REQUIRED.build(super::build); }
  }
}
