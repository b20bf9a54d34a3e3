package io.kvmsdk.storage.ceph;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a change to a CRUSH map (an OSD or a host out, a reweight, a new rule) does to a pool's
 * placement groups: how many PGs map differently, how many copies have to be written somewhere new
 * (backfill), and which OSDs receive and lose them.
 *
 * <pre>{@code
 * Movement m = map.movementTo(map.withOut("host3"), "by_rack", 3, 4096);
 * m.pgsChanged();        // PGs whose OSD set changes
 * m.copiesMoved();       // copies that backfill somewhere new
 * }</pre>
 */
public final class Movement {
  private final int pgs;
  private final int size;
  private final int pgsChanged;
  private final int copiesMoved;
  private final int primariesChanged;
  private final Map<Integer, Integer> gained;
  private final Map<Integer, Integer> lost;

  private Movement(int pgs, int size, int pgsChanged, int copiesMoved, int primariesChanged, Map<Integer, Integer> gained,
      Map<Integer, Integer> lost) {
    this.pgs = pgs;
    this.size = size;
    this.pgsChanged = pgsChanged;
    this.copiesMoved = copiesMoved;
    this.primariesChanged = primariesChanged;
    this.gained = gained;
    this.lost = lost;
  }

  static Movement of(CrushMap before, int ruleBefore, CrushMap after, int ruleAfter, int size, int pgs) {
    CrushMap.Mapper a = before.mapper();
    CrushMap.Mapper b = after.mapper();
    int[] x1 = new int[size];
    int[] x2 = new int[size];
    int changed = 0;
    int moved = 0;
    int primaries = 0;
    Map<Integer, Integer> gained = new TreeMap<>();
    Map<Integer, Integer> lost = new TreeMap<>();
    for (int x = 0; x < pgs; x++) {
      int n1 = a.map(ruleBefore, x, x1);
      int n2 = b.map(ruleAfter, x, x2);
      boolean same = n1 == n2;
      for (int i = 0; same && i < n1; i++) same = x1[i] == x2[i];
      if (same) continue;
      changed++;
      int p1 = n1 > 0 ? x1[0] : CrushMap.ITEM_NONE;
      int p2 = n2 > 0 ? x2[0] : CrushMap.ITEM_NONE;
      if (p1 != p2) primaries++;
      for (int i = 0; i < n2; i++) {
        if (x2[i] != CrushMap.ITEM_NONE && !contains(x1, n1, x2[i])) {
          moved++;
          gained.merge(x2[i], 1, Integer::sum);
        }
      }
      for (int i = 0; i < n1; i++) {
        if (x1[i] != CrushMap.ITEM_NONE && !contains(x2, n2, x1[i])) lost.merge(x1[i], 1, Integer::sum);
      }
    }
    return new Movement(pgs, size, changed, moved, primaries, gained, lost);
  }

  private static boolean contains(int[] a, int n, int v) {
    for (int i = 0; i < n; i++) if (a[i] == v) return true;
    return false;
  }

  public int pgs() { return pgs; }

  /** PGs whose OSD list differs. */
  public int pgsChanged() { return pgsChanged; }

  /** Copies placed on an OSD that did not hold that PG before (the data to backfill). */
  public int copiesMoved() { return copiesMoved; }

  /** PGs whose primary OSD changes. */
  public int primariesChanged() { return primariesChanged; }

  /** copiesMoved over all copies (pgs * size): 0.08 means 8% of the data moves. */
  public double fractionMoved() { return (double) copiesMoved / ((double) pgs * size); }

  /** OSD id -> copies it receives. */
  public Map<Integer, Integer> gained() { return java.util.Collections.unmodifiableMap(gained); }

  /** OSD id -> copies it gives up. */
  public Map<Integer, Integer> lost() { return java.util.Collections.unmodifiableMap(lost); }

  @Override public String toString() {
    return String.format(java.util.Locale.ROOT, "%d of %d PGs change, %d copies move (%.1f%% of the data), %d primaries change", pgsChanged, pgs,
        copiesMoved, 100 * fractionMoved(), primariesChanged);
  }
}
