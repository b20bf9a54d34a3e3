package io.kvmsdk.storage.ceph.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A compiled CRUSH map and the placement function over it: the same buckets, derived weights
 * (straw lengths, list sums, tree node weights), rules and tunables Ceph's {@code crush_do_rule}
 * walks, with its firstn and indep choosers, local and descent retries, chooseleaf recursion with
 * {@code vary_r} and {@code stable}, the "out" test against a reweight vector and straw2
 * choose_args (weight sets). Immutable once built; {@link #newWork()} gives each thread its scratch
 * space. Item and weight values are Ceph's: devices are ids &gt;= 0, buckets ids &lt; 0, weights are
 * unsigned 16.16 fixed point held in ints.
 */
public final class CrushEngine {
  public static final int ALG_UNIFORM = 1;
  public static final int ALG_LIST = 2;
  public static final int ALG_TREE = 3;
  public static final int ALG_STRAW = 4;
  public static final int ALG_STRAW2 = 5;

  public static final int OP_NOOP = 0;
  public static final int OP_TAKE = 1;
  public static final int OP_CHOOSE_FIRSTN = 2;
  public static final int OP_CHOOSE_INDEP = 3;
  public static final int OP_EMIT = 4;
  public static final int OP_CHOOSELEAF_FIRSTN = 6;
  public static final int OP_CHOOSELEAF_INDEP = 7;
  public static final int OP_SET_CHOOSE_TRIES = 8;
  public static final int OP_SET_CHOOSELEAF_TRIES = 9;
  public static final int OP_SET_CHOOSE_LOCAL_TRIES = 10;
  public static final int OP_SET_CHOOSE_LOCAL_FALLBACK_TRIES = 11;
  public static final int OP_SET_CHOOSELEAF_VARY_R = 12;
  public static final int OP_SET_CHOOSELEAF_STABLE = 13;

  /** An empty slot of an indep result: 0x7fffffff. */
  public static final int ITEM_NONE = 0x7fffffff;
  private static final int ITEM_UNDEF = 0x7ffffffe;

  /** A bucket as the mapper sees it. */
  public static final class Bucket {
    final int id;
    final int type;
    final int alg;
    final int hash;
    final int size;
    final int[] items;
    final int[] itemWeights;
    final int[] straws;
    final int[] sumWeights;
    final int[] nodeWeights;
    final int weight;
    int[][] argWeightSets;
    int[] argIds;

    Bucket(int id, int type, int alg, int hash, int[] items, int[] itemWeights, int[] straws, int[] sumWeights,
        int[] nodeWeights, int weight) {
      this.id = id;
      this.type = type;
      this.alg = alg;
      this.hash = hash;
      this.size = items.length;
      this.items = items;
      this.itemWeights = itemWeights;
      this.straws = straws;
      this.sumWeights = sumWeights;
      this.nodeWeights = nodeWeights;
      this.weight = weight;
    }

    public int id() { return id; }

    public int type() { return type; }

    public int alg() { return alg; }

    public int size() { return size; }

    /** The bucket's total weight (unsigned 16.16). */
    public int weight() { return weight; }

    public int item(int pos) { return items[pos]; }

    /** The weight of the item at {@code pos} as {@code crush_get_bucket_item_weight} gives it. */
    public int itemWeight(int pos) {
      if (alg == ALG_TREE) return nodeWeights[((pos + 1) << 1) - 1];
      return itemWeights[pos];
    }

    /**
     * Builds a bucket the way Ceph's {@code crush_make_bucket} does from items and weights (straw
     * lengths with {@code strawCalcVersion}, list sums, tree node weights).
     */
    public static Bucket make(int id, int type, int alg, int hash, int[] items, int[] weights, int strawCalcVersion) {
      int n = items.length;
      items = items.clone();
      weights = weights.clone();
      switch (alg) {
        case ALG_UNIFORM: {
          int w = n > 0 ? weights[0] : 0;
          int[] iw = new int[n];
          Arrays.fill(iw, w);
          long total = (long) n * Integer.toUnsignedLong(w);
          if (total > 0xffffffffL) throw new IllegalArgumentException("bucket weight overflows 32 bits");
          return new Bucket(id, type, alg, hash, items, iw, null, null, null, (int) total);
        }
        case ALG_LIST: {
          int[] sums = new int[n];
          long w = 0;
          for (int i = 0; i < n; i++) {
            w += Integer.toUnsignedLong(weights[i]);
            if (w > 0xffffffffL) throw new IllegalArgumentException("bucket weight overflows 32 bits");
            sums[i] = (int) w;
          }
          return new Bucket(id, type, alg, hash, items, weights, null, sums, null, (int) w);
        }
        case ALG_TREE: {
          int depth = treeDepth(n);
          int numNodes = n == 0 ? 0 : 1 << depth;
          long[] nw = new long[numNodes];
          long total = 0;
          for (int i = 0; i < n; i++) {
            int node = ((i + 1) << 1) - 1;
            long w = Integer.toUnsignedLong(weights[i]);
            nw[node] = w;
            total += w;
            for (int j = 1; j < depth; j++) {
              node = treeParent(node);
              nw[node] += w;
            }
          }
          if (total > 0xffffffffL) throw new IllegalArgumentException("bucket weight overflows 32 bits");
          int[] nodeWeights = new int[numNodes];
          for (int i = 0; i < numNodes; i++) nodeWeights[i] = (int) nw[i];
          return new Bucket(id, type, alg, hash, items, weights, null, null, nodeWeights, (int) total);
        }
        case ALG_STRAW: {
          long total = 0;
          for (int w : weights) total += Integer.toUnsignedLong(w);
          if (total > 0xffffffffL) throw new IllegalArgumentException("bucket weight overflows 32 bits");
          return new Bucket(id, type, alg, hash, items, weights, straws(weights, strawCalcVersion), null, null, (int) total);
        }
        case ALG_STRAW2: {
          long total = 0;
          for (int w : weights) total += Integer.toUnsignedLong(w);
          if (total > 0xffffffffL) throw new IllegalArgumentException("bucket weight overflows 32 bits");
          return new Bucket(id, type, alg, hash, items, weights, null, null, null, (int) total);
        }
        default:
          throw new IllegalArgumentException("unknown bucket algorithm " + alg);
      }
    }
  }

  /**
   * Builds a bucket the way Ceph's shadow-tree cloning does: an empty bucket, then one
   * {@code crush_bucket_add_item} per item (a uniform bucket's weight is then the sum of what was added).
   */
  public static Bucket makeByAdding(int id, int type, int alg, int hash, int[] items, int[] weights, int strawCalcVersion) {
    if (alg != ALG_UNIFORM) return Bucket.make(id, type, alg, hash, items, weights, strawCalcVersion);
    long total = 0;
    for (int w : weights) total += Integer.toUnsignedLong(w);
    if (total > 0xffffffffL) throw new IllegalArgumentException("bucket weight overflows 32 bits");
    return new Bucket(id, type, alg, hash, items.clone(), weights.clone(), null, null, null, (int) total);
  }

  static int treeDepth(int size) {
    if (size == 0) return 0;
    int depth = 1;
    int t = size - 1;
    while (t != 0) {
      t >>= 1;
      depth++;
    }
    return depth;
  }

  private static int treeHeight(int n) {
    int h = 0;
    while ((n & 1) == 0) {
      h++;
      n >>= 1;
    }
    return h;
  }

  private static int treeParent(int n) {
    int h = treeHeight(n);
    return (n & (1 << (h + 1))) != 0 ? n - (1 << h) : n + (1 << h);
  }

  /** Straw lengths of a straw (v1) bucket, as {@code crush_calc_straw} computes them for {@code version}. */
  static int[] straws(int[] weights, int version) {
    int size = weights.length;
    int[] straws = new int[size];
    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) order[i] = i;
    // ascending by unsigned weight, ties in index order (Ceph's insertion sort is stable)
    Arrays.sort(order, (p, q) -> Integer.compareUnsigned(weights[p], weights[q]));
    int[] reverse = new int[size];
    for (int i = 0; i < size; i++) reverse[i] = order[i];
    int numleft = size;
    double straw = 1.0;
    double wbelow = 0;
    double lastw = 0;
    int i = 0;
    while (i < size) {
      if (version == 0) {
        if (weights[reverse[i]] == 0) {
          straws[reverse[i]] = 0;
          i++;
          continue;
        }
        straws[reverse[i]] = (int) (long) (straw * 0x10000);
        i++;
        if (i == size) break;
        if (weights[reverse[i]] == weights[reverse[i - 1]]) continue;
        wbelow += ((double) Integer.toUnsignedLong(weights[reverse[i - 1]]) - lastw) * numleft;
        for (int j = i; j < size; j++) {
          if (weights[reverse[j]] == weights[reverse[i]]) numleft--;
          else break;
        }
        double wnext = Integer.toUnsignedLong(numleft * (weights[reverse[i]] - weights[reverse[i - 1]]));
        double pbelow = wbelow / (wbelow + wnext);
        straw *= StrictMath.pow(1.0 / pbelow, 1.0 / numleft);
        lastw = Integer.toUnsignedLong(weights[reverse[i - 1]]);
      } else {
        if (weights[reverse[i]] == 0) {
          straws[reverse[i]] = 0;
          i++;
          numleft--;
          continue;
        }
        straws[reverse[i]] = (int) (long) (straw * 0x10000);
        i++;
        if (i == size) break;
        wbelow += ((double) Integer.toUnsignedLong(weights[reverse[i - 1]]) - lastw) * numleft;
        numleft--;
        double wnext = Integer.toUnsignedLong(numleft * (weights[reverse[i]] - weights[reverse[i - 1]]));
        double pbelow = wbelow / (wbelow + wnext);
        straw *= StrictMath.pow(1.0 / pbelow, 1.0 / numleft);
        lastw = Integer.toUnsignedLong(weights[reverse[i - 1]]);
      }
    }
    return straws;
  }

  /** One compiled rule: its steps as (op, arg1, arg2) triples. */
  public static final class Rule {
    final int[] ops;
    final int[] arg1;
    final int[] arg2;

    public Rule(int[] ops, int[] arg1, int[] arg2) {
      this.ops = ops.clone();
      this.arg1 = arg1.clone();
      this.arg2 = arg2.clone();
    }
  }

  /** Tunables in Ceph's order: local, local fallback, total tries, descend once, vary_r, stable. */
  public record Tunables(int chooseLocalTries, int chooseLocalFallbackTries, int chooseTotalTries,
      int chooseleafDescendOnce, int chooseleafVaryR, int chooseleafStable) {}

  private final Bucket[] buckets;
  private final int maxBuckets;
  private final int maxDevices;
  private final Rule[] rules;
  private final int chooseLocalTries;
  private final int chooseLocalFallbackTries;
  private final int chooseTotalTries;
  private final int chooseleafDescendOnce;
  private final int chooseleafVaryR;
  private final int chooseleafStable;
  private final int maxBucketSize;
  private final boolean hasChooseArgs;

  /**
   * A map over {@code bucketList} (any order, shadow buckets included), {@code rules} indexed by id
   * (null where no rule), with {@code maxDevices} as Ceph's {@code crush->max_devices}.
   */
  public CrushEngine(List<Bucket> bucketList, Rule[] rules, int maxDevices, Tunables t) {
    int maxPos = -1;
    int maxSize = 0;
    for (Bucket b : bucketList) {
      maxPos = Math.max(maxPos, -1 - b.id);
      maxSize = Math.max(maxSize, b.size);
    }
    int mb = 0;
    while (maxPos >= mb) mb = mb == 0 ? 8 : mb * 2; // crush_add_bucket grows the array this way
    this.maxBuckets = mb;
    this.buckets = new Bucket[mb];
    boolean args = false;
    for (Bucket b : bucketList) {
      buckets[-1 - b.id] = b;
      args |= b.argWeightSets != null || b.argIds != null;
    }
    this.hasChooseArgs = args;
    this.maxBucketSize = maxSize;
    this.rules = rules.clone();
    this.maxDevices = maxDevices;
    this.chooseLocalTries = t.chooseLocalTries();
    this.chooseLocalFallbackTries = t.chooseLocalFallbackTries();
    this.chooseTotalTries = t.chooseTotalTries();
    this.chooseleafDescendOnce = t.chooseleafDescendOnce();
    this.chooseleafVaryR = t.chooseleafVaryR();
    this.chooseleafStable = t.chooseleafStable();
  }

  public int maxDevices() { return maxDevices; }

  public int maxBuckets() { return maxBuckets; }

  public int maxRules() { return rules.length; }

  public boolean ruleExists(int rule) { return rule >= 0 && rule < rules.length && rules[rule] != null; }

  /** The bucket with {@code id}, or null. */
  public Bucket bucket(int id) {
    int pos = -1 - id;
    return pos >= 0 && pos < maxBuckets ? buckets[pos] : null;
  }

  /** All buckets (shadow buckets included), by position. */
  public List<Bucket> buckets() {
    List<Bucket> out = new ArrayList<>();
    for (Bucket b : buckets) if (b != null) out.add(b);
    return out;
  }

  /** Scratch space for one thread's mappings. */
  public final class Work {
    final int[] permX = new int[maxBuckets];
    final int[] permN = new int[maxBuckets];
    final int[][] perm = new int[maxBuckets][];
    final int[] touched = new int[maxBuckets];
    int touchedCount;
    int[] a = new int[0];
    int[] b = new int[0];
    int[] c = new int[0];

    void begin(int resultMax) {
      for (int i = 0; i < touchedCount; i++) permN[touched[i]] = 0;
      touchedCount = 0;
      if (a.length < resultMax) {
        a = new int[resultMax];
        b = new int[resultMax];
        c = new int[resultMax];
      }
    }
  }

  public Work newWork() { return new Work(); }

  /**
   * {@code crush_do_rule}: maps {@code x} through rule {@code ruleno} into {@code result} (at most
   * {@code resultMax} items), marking devices out by the {@code weight} vector (16.16; 0x10000 = in);
   * returns the number of items written.
   */
  public int doRule(int ruleno, int x, int[] result, int resultMax, int[] weight, Work work) {
    if (ruleno < 0 || ruleno >= rules.length || rules[ruleno] == null) return 0;
    Rule rule = rules[ruleno];
    work.begin(resultMax);
    int[] w = work.a;
    int[] o = work.b;
    int[] c = work.c;
    int wsize = 0;
    int resultLen = 0;
    int chooseTries = chooseTotalTries + 1;
    int chooseLeafTries = 0;
    int localRetries = chooseLocalTries;
    int localFallbackRetries = chooseLocalFallbackTries;
    int varyR = chooseleafVaryR;
    int stable = chooseleafStable;
    int weightMax = weight.length;
    for (int step = 0; step < rule.ops.length; step++) {
      int op = rule.ops[step];
      int arg1 = rule.arg1[step];
      switch (op) {
        case OP_TAKE:
          if ((arg1 >= 0 && arg1 < maxDevices) || (-1 - arg1 >= 0 && -1 - arg1 < maxBuckets && buckets[-1 - arg1] != null)) {
            w[0] = arg1;
            wsize = 1;
          }
          break;
        case OP_SET_CHOOSE_TRIES:
          if (arg1 > 0) chooseTries = arg1;
          break;
        case OP_SET_CHOOSELEAF_TRIES:
          if (arg1 > 0) chooseLeafTries = arg1;
          break;
        case OP_SET_CHOOSE_LOCAL_TRIES:
          if (arg1 >= 0) localRetries = arg1;
          break;
        case OP_SET_CHOOSE_LOCAL_FALLBACK_TRIES:
          if (arg1 >= 0) localFallbackRetries = arg1;
          break;
        case OP_SET_CHOOSELEAF_VARY_R:
          if (arg1 >= 0) varyR = arg1;
          break;
        case OP_SET_CHOOSELEAF_STABLE:
          if (arg1 >= 0) stable = arg1;
          break;
        case OP_CHOOSELEAF_FIRSTN:
        case OP_CHOOSE_FIRSTN:
        case OP_CHOOSELEAF_INDEP:
        case OP_CHOOSE_INDEP: {
          if (wsize == 0) break;
          boolean firstn = op == OP_CHOOSELEAF_FIRSTN || op == OP_CHOOSE_FIRSTN;
          boolean recurseToLeaf = op == OP_CHOOSELEAF_FIRSTN || op == OP_CHOOSELEAF_INDEP;
          int osize = 0;
          for (int i = 0; i < wsize; i++) {
            int numrep = arg1;
            if (numrep <= 0) {
              numrep += resultMax;
              if (numrep <= 0) continue;
            }
            int bno = -1 - w[i];
            if (bno < 0 || bno >= maxBuckets) continue;
            Bucket in = buckets[bno];
            if (firstn) {
              int recurseTries;
              if (chooseLeafTries != 0) recurseTries = chooseLeafTries;
              else if (chooseleafDescendOnce != 0) recurseTries = 1;
              else recurseTries = chooseTries;
              osize += chooseFirstn(work, in, weight, weightMax, x, numrep, rule.arg2[step], o, osize, 0,
                  resultMax - osize, chooseTries, recurseTries, localRetries, localFallbackRetries,
                  recurseToLeaf, varyR, stable, c, osize, 0);
            } else {
              int outSize = Math.min(numrep, resultMax - osize);
              chooseIndep(work, in, weight, weightMax, x, outSize, numrep, rule.arg2[step], o, osize, 0,
                  chooseTries, chooseLeafTries != 0 ? chooseLeafTries : 1, recurseToLeaf, c, osize, 0);
              osize += outSize;
            }
          }
          if (recurseToLeaf) System.arraycopy(c, 0, o, 0, osize);
          int[] tmp = o;
          o = w;
          w = tmp;
          wsize = osize;
          break;
        }
        case OP_EMIT:
          for (int i = 0; i < wsize && resultLen < resultMax; i++) result[resultLen++] = w[i];
          wsize = 0;
          break;
        default:
          break;
      }
    }
    return resultLen;
  }

  private boolean isOut(int[] weight, int weightMax, int item, int x) {
    if (item >= weightMax) return true;
    int w = weight[item];
    if (w >= 0x10000 || w < 0) return false;
    if (w == 0) return true;
    return (CrushHash.hash2(CrushHash.RJENKINS1, x, item) & 0xffff) >= w;
  }

  private int chooseFirstn(Work work, Bucket bucket, int[] weight, int weightMax, int x, int numrep, int type,
      int[] out, int outBase, int outpos, int outSize, int tries, int recurseTries, int localRetries,
      int localFallbackRetries, boolean recurseToLeaf, int varyR, int stable, int[] out2, int out2Base, int parentR) {
    int count = outSize;
    int item = 0;
    for (int rep = stable != 0 ? 0 : outpos; rep < numrep && count > 0; rep++) {
      int ftotal = 0;
      boolean skipRep = false;
      boolean retryDescent;
      do {
        retryDescent = false;
        Bucket in = bucket;
        int flocal = 0;
        boolean retryBucket;
        do {
          boolean collide = false;
          boolean reject;
          retryBucket = false;
          int r = rep + parentR + ftotal;
          int itemtype = 0;
          if (in.size == 0) {
            reject = true;
          } else {
            if (localFallbackRetries > 0 && flocal >= (in.size >>> 1) && flocal > localFallbackRetries) {
              item = permChoose(work, in, x, r);
            } else {
              item = bucketChoose(work, in, x, r, outpos);
            }
            if (item >= maxDevices) {
              skipRep = true;
              break;
            }
            itemtype = item < 0 ? buckets[-1 - item].type : 0;
            if (itemtype != type) {
              if (item >= 0 || (-1 - item) >= maxBuckets) {
                skipRep = true;
                break;
              }
              in = buckets[-1 - item];
              retryBucket = true;
              continue;
            }
            for (int i = 0; i < outpos; i++) {
              if (out[outBase + i] == item) {
                collide = true;
                break;
              }
            }
            reject = false;
            if (!collide && recurseToLeaf) {
              if (item < 0) {
                int subR = varyR != 0 ? r >> (varyR - 1) : 0;
                if (chooseFirstn(work, buckets[-1 - item], weight, weightMax, x, stable != 0 ? 1 : outpos + 1, 0,
                    out2, out2Base, outpos, count, recurseTries, 0, localRetries, localFallbackRetries, false,
                    varyR, stable, null, 0, subR) <= outpos) {
                  reject = true;
                }
              } else {
                out2[out2Base + outpos] = item;
              }
            }
            if (!reject && !collide && itemtype == 0) reject = isOut(weight, weightMax, item, x);
          }
          if (reject || collide) {
            ftotal++;
            flocal++;
            if (collide && flocal <= localRetries) retryBucket = true;
            else if (localFallbackRetries > 0 && flocal <= in.size + localFallbackRetries) retryBucket = true;
            else if (ftotal < tries) retryDescent = true;
            else skipRep = true;
          }
        } while (retryBucket);
      } while (retryDescent);
      if (skipRep) continue;
      out[outBase + outpos] = item;
      outpos++;
      count--;
    }
    return outpos;
  }

  private void chooseIndep(Work work, Bucket bucket, int[] weight, int weightMax, int x, int left, int numrep,
      int type, int[] out, int outBase, int outpos, int tries, int recurseTries, boolean recurseToLeaf,
      int[] out2, int out2Base, int parentR) {
    int endpos = outpos + left;
    for (int rep = outpos; rep < endpos; rep++) {
      out[outBase + rep] = ITEM_UNDEF;
      if (out2 != null) out2[out2Base + rep] = ITEM_UNDEF;
    }
    for (int ftotal = 0; left > 0 && ftotal < tries; ftotal++) {
      for (int rep = outpos; rep < endpos; rep++) {
        if (out[outBase + rep] != ITEM_UNDEF) continue;
        Bucket in = bucket;
        for (;;) {
          int r = rep + parentR;
          if (in.alg == ALG_UNIFORM && in.size % numrep == 0) r += (numrep + 1) * ftotal;
          else r += numrep * ftotal;
          if (in.size == 0) break;
          int item = bucketChoose(work, in, x, r, outpos);
          if (item >= maxDevices) {
            out[outBase + rep] = ITEM_NONE;
            if (out2 != null) out2[out2Base + rep] = ITEM_NONE;
            left--;
            break;
          }
          int itemtype = item < 0 ? buckets[-1 - item].type : 0;
          if (itemtype != type) {
            if (item >= 0 || (-1 - item) >= maxBuckets) {
              out[outBase + rep] = ITEM_NONE;
              if (out2 != null) out2[out2Base + rep] = ITEM_NONE;
              left--;
              break;
            }
            in = buckets[-1 - item];
            continue;
          }
          boolean collide = false;
          for (int i = outpos; i < endpos; i++) {
            if (out[outBase + i] == item) {
              collide = true;
              break;
            }
          }
          if (collide) break;
          if (recurseToLeaf) {
            if (item < 0) {
              chooseIndep(work, buckets[-1 - item], weight, weightMax, x, 1, numrep, 0, out2, out2Base, rep,
                  recurseTries, 0, false, null, 0, r);
              if (out2[out2Base + rep] == ITEM_NONE) break;
            } else {
              out2[out2Base + rep] = item;
            }
          }
          if (itemtype == 0 && isOut(weight, weightMax, item, x)) break;
          out[outBase + rep] = item;
          left--;
          break;
        }
      }
    }
    for (int rep = outpos; rep < endpos; rep++) {
      if (out[outBase + rep] == ITEM_UNDEF) out[outBase + rep] = ITEM_NONE;
      if (out2 != null && out2[out2Base + rep] == ITEM_UNDEF) out2[out2Base + rep] = ITEM_NONE;
    }
  }

  private int bucketChoose(Work work, Bucket in, int x, int r, int position) {
    switch (in.alg) {
      case ALG_STRAW2:
        return straw2Choose(in, x, r, position);
      case ALG_UNIFORM:
        return permChoose(work, in, x, r);
      case ALG_LIST:
        return listChoose(in, x, r);
      case ALG_TREE:
        return treeChoose(in, x, r);
      case ALG_STRAW:
        return strawChoose(in, x, r);
      default:
        return in.items[0];
    }
  }

  private static int straw2Choose(Bucket b, int x, int r, int position) {
    int[] weights = b.itemWeights;
    int[] ids = b.items;
    if (b.argWeightSets != null) {
      int p = position >= b.argWeightSets.length ? b.argWeightSets.length - 1 : position;
      weights = b.argWeightSets[p];
    }
    if (b.argIds != null) ids = b.argIds;
    // C compares draw = (ln(u) - 2^48) / w (signed, truncated) and keeps the first maximum. With
    // A = 2^48 - ln(u) >= 0 that draw is -(A / w), and "draw > best" is "A / w < B" for the best's
    // B = A_best / w_best, which is A < B * w: one multiplication per item, a division only when an
    // item takes the lead (about ln(size) times), the same winner as C's division per item.
    int high = 0;
    boolean bestIsZeroWeight = false;
    long best = 0; // B
    int size = b.size;
    int hash = b.hash;
    long pair = 0;
    for (int i = 0; i < size; i++) {
      // hash two items at a time (the pair's chains overlap in the CPU); skipped for zero weights
      int u;
      if ((i & 1) == 0) {
        pair = i + 1 < size ? CrushHash.hash3Pair(hash, x, ids[i], ids[i + 1], r) : (long) CrushHash.hash3(hash, x, ids[i], r) << 32;
        u = (int) (pair >>> 32) & 0xffff;
      } else {
        u = (int) pair & 0xffff;
      }
      int w = weights[i];
      if (w == 0) {
        // draw = S64_MIN: it wins only as the first item, and loses to any weighted item
        if (i == 0) bestIsZeroWeight = true;
        continue;
      }
      long wl = Integer.toUnsignedLong(w);
      long a = -CrushHash.lnDraw(u);
      if (i == 0 || bestIsZeroWeight || Math.multiplyHigh(best, wl) != 0 || Long.compareUnsigned(a, best * wl) < 0) {
        high = i;
        best = a / wl;
        bestIsZeroWeight = false;
      }
    }
    return b.items[high];
  }

  private static int strawChoose(Bucket b, int x, int r) {
    int high = 0;
    long highDraw = 0;
    for (int i = 0; i < b.size; i++) {
      long draw = (CrushHash.hash3(b.hash, x, b.items[i], r) & 0xffffL) * Integer.toUnsignedLong(b.straws[i]);
      if (i == 0 || draw > highDraw) {
        high = i;
        highDraw = draw;
      }
    }
    return b.items[high];
  }

  private static int listChoose(Bucket b, int x, int r) {
    for (int i = b.size - 1; i >= 0; i--) {
      long w = CrushHash.hash4(b.hash, x, b.items[i], r, b.id) & 0xffffL;
      w = (w * Integer.toUnsignedLong(b.sumWeights[i])) >>> 16;
      if (w < Integer.toUnsignedLong(b.itemWeights[i])) return b.items[i];
    }
    return b.items[0];
  }

  private static int treeChoose(Bucket b, int x, int r) {
    int n = b.nodeWeights.length >> 1;
    while ((n & 1) == 0) {
      long w = Integer.toUnsignedLong(b.nodeWeights[n]);
      long t = (Integer.toUnsignedLong(CrushHash.hash4(b.hash, x, n, r, b.id)) * w) >>> 32;
      int h = treeHeight(n);
      int l = n - (1 << (h - 1));
      if (t < Integer.toUnsignedLong(b.nodeWeights[l])) n = l;
      else n = n + (1 << (h - 1));
    }
    return b.items[n >> 1];
  }

  private int permChoose(Work work, Bucket b, int x, int r) {
    int pos = -1 - b.id;
    int size = b.size;
    int pr = Integer.remainderUnsigned(r, size);
    int[] perm = work.perm[pos];
    if (perm == null || perm.length < size) {
      perm = new int[size];
      work.perm[pos] = perm;
    }
    if (work.permN[pos] == 0) work.touched[work.touchedCount++] = pos;
    int s;
    if (work.permX[pos] != x || work.permN[pos] == 0) {
      work.permX[pos] = x;
      if (pr == 0) {
        s = Integer.remainderUnsigned(CrushHash.hash3(b.hash, x, b.id, 0), size);
        perm[0] = s;
        work.permN[pos] = 0xffff;
        return b.items[s];
      }
      for (int i = 0; i < size; i++) perm[i] = i;
      work.permN[pos] = 0;
    } else if (work.permN[pos] == 0xffff) {
      for (int i = 1; i < size; i++) perm[i] = i;
      perm[perm[0]] = 0;
      work.permN[pos] = 1;
    }
    while (work.permN[pos] <= pr) {
      int p = work.permN[pos];
      if (p < size - 1) {
        int i = Integer.remainderUnsigned(CrushHash.hash3(b.hash, x, b.id, p), size - p);
        if (i != 0) {
          int t = perm[p + i];
          perm[p + i] = perm[p];
          perm[p] = t;
        }
      }
      work.permN[pos]++;
    }
    s = perm[pr];
    return b.items[s];
  }

  /** True when some bucket carries choose_args (weight sets or ids). */
  public boolean hasChooseArgs() { return hasChooseArgs; }

  /** The size of the largest bucket. */
  public int maxBucketSize() { return maxBucketSize; }
}
