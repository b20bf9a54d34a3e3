package io.kvmsdk.storage.ceph;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random CRUSH maps of many shapes for the oracle tests (seeded: a failure names its seed). */
final class CrushMaps {
  private CrushMaps() {}

  private static final double[] WEIGHTS = {0.5, 1.0, 1.0, 1.0, 1.5, 2.0, 3.7, 0.25, 7.28, 10.913};

  static CrushMap random(long seed) {
    Random rnd = new Random(seed);
    CrushMap.Builder b = CrushMap.builder();
    b.tunables(rnd.nextInt(4) == 0 ? CrushTunables.legacy() : rnd.nextInt(3) == 0
        ? CrushTunables.optimal().copy(t -> t.chooseleafStable(0)) : CrushTunables.optimal());
    b.addTypes(CrushType.of(0, "osd"), CrushType.of(1, "host"), CrushType.of(3, "rack"), CrushType.of(11, "root"));
    boolean classes = rnd.nextBoolean();
    // Ceph cannot build the class copy of a uniform bucket that holds weight (see CrushMapOracleTest)
    // nor of a tree bucket of more than 4 items (CrushMapBadInputTest)
    CrushBucketAlg[] algs = classes ? new CrushBucketAlg[] {CrushBucketAlg.LIST, CrushBucketAlg.STRAW, CrushBucketAlg.STRAW2}
        : CrushBucketAlg.values();
    java.util.Set<String> used = new java.util.HashSet<>();
    int racks = 1 + rnd.nextInt(4);
    int osd = 0;
    List<CrushBucketItem> rackItems = new ArrayList<>();
    int hostNo = 0;
    for (int r = 0; r < racks; r++) {
      int hosts = 1 + rnd.nextInt(4);
      List<CrushBucketItem> hostItems = new ArrayList<>();
      CrushBucketAlg rackAlg = pick(rnd, algs);
      for (int h = 0; h < hosts; h++) {
        int osds = rnd.nextInt(12) == 0 && osd > 0 ? 0 : 1 + rnd.nextInt(5);
        CrushBucketAlg hostAlg = pick(rnd, algs);
        double same = WEIGHTS[rnd.nextInt(WEIGHTS.length)];
        List<CrushBucketItem> items = new ArrayList<>();
        for (int o = 0; o < osds; o++) {
          String cls = classes ? (rnd.nextInt(3) == 0 ? "ssd" : "hdd") : null;
          b.addDevice(cls == null ? CrushDevice.of(osd) : CrushDevice.of(osd, cls));
          if (cls != null) used.add(cls);
          double w = hostAlg == CrushBucketAlg.UNIFORM ? same : rnd.nextInt(15) == 0 ? 0 : WEIGHTS[rnd.nextInt(WEIGHTS.length)];
          items.add(CrushBucketItem.of("osd." + osd, w));
          osd++;
        }
        if (osds == 0 && hostAlg == CrushBucketAlg.UNIFORM) hostAlg = CrushBucketAlg.STRAW2;
        String name = "host" + hostNo++;
        CrushBucket hb = CrushBucket.builder().name(name).type("host").alg(hostAlg).items(items).build();
        b.addBucket(hb);
        hostItems.add(CrushBucketItem.builder().name(name).weightFixed(hb.weightFixed()).build());
      }
      if (rackAlg == CrushBucketAlg.UNIFORM && hostItems.get(0).weightFixed() == 0) rackAlg = CrushBucketAlg.STRAW2;
      if (rackAlg == CrushBucketAlg.UNIFORM) {
        int w0 = hostItems.get(0).weightFixed();
        hostItems.replaceAll(i -> CrushBucketItem.builder().name(i.name()).weightFixed(w0).build());
      }
      CrushBucket rb = CrushBucket.builder().name("rack" + r).type("rack").alg(rackAlg).items(hostItems).build();
      b.addBucket(rb);
      rackItems.add(CrushBucketItem.builder().name(rb.name()).weightFixed(rb.weightFixed()).build());
    }
    CrushBucketAlg rootAlg = rnd.nextBoolean() ? CrushBucketAlg.STRAW2 : pick(rnd, algs);
    if (rootAlg == CrushBucketAlg.UNIFORM && rackItems.get(0).weightFixed() == 0) rootAlg = CrushBucketAlg.STRAW2;
    if (rootAlg == CrushBucketAlg.UNIFORM) {
      int w0 = rackItems.get(0).weightFixed();
      rackItems.replaceAll(i -> CrushBucketItem.builder().name(i.name()).weightFixed(w0).build());
    }
    b.addBucket(CrushBucket.builder().name("default").type("root").alg(rootAlg).items(rackItems).build());
    b.addRule(CrushRule.replicated("by_host", "default", "host"));
    b.addRule(CrushRule.replicated("by_rack", "default", "rack"));
    b.addRule(CrushRule.erasure("ec_host", "default", "host"));
    b.addRule(CrushRule.builder().name("two_racks").addStep(CrushStep.take("default")).addStep(CrushStep.chooseFirstn(2, "rack"))
        .addStep(CrushStep.chooseleafFirstn(2, "host")).addStep(CrushStep.emit()).build());
    b.addRule(CrushRule.builder().name("osds").addStep(CrushStep.setChooseTries(rnd.nextBoolean() ? 100 : 3))
        .addStep(CrushStep.take("default")).addStep(CrushStep.chooseFirstn(0, "osd")).addStep(CrushStep.emit()).build());
    b.addRule(CrushRule.builder().name("ec_indep_two_step").type(CrushRule.Type.ERASURE).addStep(CrushStep.take("default"))
        .addStep(CrushStep.chooseIndep(0, "rack")).addStep(CrushStep.chooseIndep(1, "osd")).addStep(CrushStep.emit()).build());
    if (used.contains("ssd")) b.addRule(CrushRule.replicated("ssd_host", "default", "host", "ssd"));
    if (used.contains("hdd")) b.addRule(CrushRule.erasure("hdd_ec", "default", "host", "hdd"));
    // what the text says (weights with three decimals) is what crushtool compiles
    return CrushMap.parse(b.build().toText());
  }

  private static CrushBucketAlg pick(Random rnd, CrushBucketAlg[] algs) {
    // mostly straw2, as real clusters
    return rnd.nextInt(3) == 0 ? algs[rnd.nextInt(algs.length)] : CrushBucketAlg.STRAW2;
  }
}
