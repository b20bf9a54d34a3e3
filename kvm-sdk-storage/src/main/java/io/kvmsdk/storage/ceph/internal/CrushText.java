package io.kvmsdk.storage.ceph.internal;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.storage.ceph.CrushBucket;
import io.kvmsdk.storage.ceph.CrushBucketAlg;
import io.kvmsdk.storage.ceph.CrushBucketItem;
import io.kvmsdk.storage.ceph.CrushChooseArg;
import io.kvmsdk.storage.ceph.CrushChooseArgs;
import io.kvmsdk.storage.ceph.CrushDevice;
import io.kvmsdk.storage.ceph.CrushMap;
import io.kvmsdk.storage.ceph.CrushRule;
import io.kvmsdk.storage.ceph.CrushStep;
import io.kvmsdk.storage.ceph.CrushSyntaxException;
import io.kvmsdk.storage.ceph.CrushTunables;
import io.kvmsdk.storage.ceph.CrushType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * crushtool's text form: the parser (Ceph Pacific's grammar, with crushtool's meaning: item weights
 * default to the bucket's weight, positions, forward references within one swap, ids it would
 * assign) and the writer ({@code crushtool -d}'s layout, byte for byte).
 */
public final class CrushText {
  private CrushText() {}

  // ------------------------------------------------------------------ writing

  public static String render(CrushMap m) {
    StringBuilder out = new StringBuilder("# begin crush map\n");
    CrushTunables t = m.tunables();
    CrushTunables legacy = CrushTunables.legacy();
    tunable(out, "choose_local_tries", t.chooseLocalTries(), legacy.chooseLocalTries());
    tunable(out, "choose_local_fallback_tries", t.chooseLocalFallbackTries(), legacy.chooseLocalFallbackTries());
    tunable(out, "choose_total_tries", t.chooseTotalTries(), legacy.chooseTotalTries());
    tunable(out, "chooseleaf_descend_once", t.chooseleafDescendOnce(), legacy.chooseleafDescendOnce());
    tunable(out, "chooseleaf_vary_r", t.chooseleafVaryR(), legacy.chooseleafVaryR());
    tunable(out, "chooseleaf_stable", t.chooseleafStable(), legacy.chooseleafStable());
    tunable(out, "straw_calc_version", t.strawCalcVersion(), legacy.strawCalcVersion());
    tunable(out, "allowed_bucket_algs", t.allowedBucketAlgs(), legacy.allowedBucketAlgs());
    out.append("\n# devices\n");
    for (CrushDevice d : m.devices()) {
      out.append("device ").append(d.id()).append(' ').append(d.name());
      d.deviceClass().ifPresent(c -> out.append(" class ").append(c));
      out.append('\n');
    }
    out.append("\n# types\n");
    if (!m.types().isEmpty() && m.types().get(0).id() != 0) out.append("type 0 osd\n");
    for (CrushType ty : m.types()) out.append("type ").append(ty.id()).append(' ').append(ty.name()).append('\n');
    out.append("\n# buckets\n");
    for (CrushBucket b : m.buckets()) bucket(out, b);
    out.append("\n# rules\n");
    for (CrushRule r : m.rules()) out.append(renderRule(r));
    if (!m.chooseArgs().isEmpty()) {
      out.append("\n# choose_args\n");
      for (CrushChooseArgs ca : m.chooseArgs()) {
        out.append("choose_args ").append(Long.toUnsignedString(ca.index())).append(" {\n");
        for (CrushChooseArg a : ca.args()) {
          if (a.weightSets().isEmpty() && a.ids().isEmpty()) continue;
          out.append("  {\n    bucket_id ").append(a.bucketId()).append('\n');
          if (!a.weightSets().isEmpty()) {
            out.append("    weight_set [\n");
            for (List<Integer> ws : a.weightSets()) {
              out.append("      [ ");
              for (int w : ws) out.append(fixed(w)).append(' ');
              out.append("]\n");
            }
            out.append("    ]\n");
          }
          if (!a.ids().isEmpty()) {
            out.append("    ids [ ");
            for (int id : a.ids()) out.append(id).append(' ');
            out.append("]\n");
          }
          out.append("  }\n");
        }
        out.append("}\n");
      }
    }
    out.append("\n# end crush map\n");
    return out.toString();
  }

  private static void tunable(StringBuilder out, String name, int value, int legacy) {
    if (value != legacy) out.append("tunable ").append(name).append(' ').append(value).append('\n');
  }

  private static void bucket(StringBuilder out, CrushBucket b) {
    out.append(b.type()).append(' ').append(b.name()).append(" {\n");
    out.append("\tid ").append(b.id().map(String::valueOf).orElse("")).append("\t\t# do not change unnecessarily\n");
    b.classIds().forEach((c, id) -> out.append("\tid ").append(id).append(" class ").append(c).append("\t\t# do not change unnecessarily\n"));
    out.append("\t# weight ").append(fixed(b.weightFixed())).append('\n');
    out.append("\talg ").append(b.alg().text());
    boolean pos = false;
    switch (b.alg()) {
      case UNIFORM:
        out.append("\t# do not change bucket size (").append(b.items().size()).append(") unnecessarily");
        pos = true;
        break;
      case LIST:
        out.append("\t# add new items at the end; do not change order unnecessarily");
        break;
      case TREE:
        out.append("\t# do not change pos for existing items unnecessarily");
        pos = true;
        break;
      default:
        break;
    }
    out.append('\n');
    out.append("\thash ").append(b.hash()).append("\t# ").append(b.hash() == 0 ? "rjenkins1" : "unknown").append('\n');
    for (int j = 0; j < b.items().size(); j++) {
      CrushBucketItem i = b.items().get(j);
      out.append("\titem ").append(i.name()).append(" weight ").append(fixed(i.weightFixed()));
      if (pos) out.append(" pos ").append(j);
      out.append('\n');
    }
    out.append("}\n");
  }

  /** One rule as crushtool writes it. */
  public static String renderRule(CrushRule r) {
    StringBuilder out = new StringBuilder("rule ").append(r.name()).append(" {\n");
    r.id().ifPresent(id -> out.append("\tid ").append(id).append('\n'));
    out.append("\ttype ").append(r.type().text()).append('\n');
    out.append("\tmin_size ").append(r.minSize()).append('\n');
    out.append("\tmax_size ").append(r.maxSize()).append('\n');
    for (CrushStep s : r.steps()) out.append("\tstep ").append(s.text()).append('\n');
    return out.append("}\n").toString();
  }

  /** A weight as crushtool reads it: {@code (unsigned)(strtof(text) * (float)0x10000)}. */
  public static long fixedOf(float weight) { return (long) (weight * (float) 0x10000); }

  private static String fixed16(long fixed) { return BigDecimal.valueOf(fixed).divide(BigDecimal.valueOf(0x10000)).setScale(3, RoundingMode.HALF_EVEN).toPlainString(); }

  /** A 16.16 weight as crushtool prints it ({@code %.3f} of a float, from a signed int). */
  public static String fixed(int fixed) {
    float f = (float) fixed / (float) 0x10000;
    return new BigDecimal(f).setScale(3, RoundingMode.HALF_EVEN).toPlainString();
  }

  // ------------------------------------------------------------------ reading

  private record Tok(String text, int line, int col) {}

  private static final Pattern POSINT = Pattern.compile("[0-9]+");
  private static final Pattern INT = Pattern.compile("-?[0-9]+");
  private static final Pattern NEGINT = Pattern.compile("-[0-9]+");
  private static final Pattern REAL = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");

  private static final class Lexer {
    final List<Tok> toks = new ArrayList<>();
    int pos;
    final int lastLine;
    final int lastCol;

    Lexer(String text) {
      String[] lines = text.split("\n", -1);
      int ln = 0;
      for (String line : lines) {
        ln++;
        int hash = line.indexOf('#');
        String l = hash >= 0 ? line.substring(0, hash) : line;
        int i = 0;
        while (i < l.length()) {
          char c = l.charAt(i);
          if (Character.isWhitespace(c)) {
            i++;
          } else if (c == '{' || c == '}' || c == '[' || c == ']') {
            toks.add(new Tok(String.valueOf(c), ln, i + 1));
            i++;
          } else {
            int s = i;
            while (i < l.length() && !Character.isWhitespace(l.charAt(i)) && "{}[]".indexOf(l.charAt(i)) < 0) i++;
            toks.add(new Tok(l.substring(s, i), ln, s + 1));
          }
        }
      }
      lastLine = ln;
      lastCol = lines[lines.length - 1].length() + 1;
    }

    boolean more() { return pos < toks.size(); }

    Tok peek() { return more() ? toks.get(pos) : null; }

    String peekText() { return more() ? toks.get(pos).text : null; }

    CrushSyntaxException error(String expected) {
      Tok t = peek();
      if (t == null) return new CrushSyntaxException(lastLine, lastCol, "expected " + expected + " but the text ends");
      return new CrushSyntaxException(t.line, t.col, "expected " + expected + " but found '" + t.text + "'");
    }

    Tok next(String expected) {
      if (!more()) throw error(expected);
      return toks.get(pos++);
    }

    Tok keyword(String kw) {
      if (!kw.equals(peekText())) throw error("'" + kw + "'");
      return toks.get(pos++);
    }

    boolean accept(String kw) {
      if (kw.equals(peekText())) {
        pos++;
        return true;
      }
      return false;
    }

    String match(Pattern p, String what) {
      Tok t = peek();
      if (t == null || !p.matcher(t.text).matches()) throw error(what);
      pos++;
      return t.text;
    }
  }

  private record ItemTok(String name, String weight, Integer pos, Tok at) {}

  private record BucketTok(Tok at, String type, String name, Integer id, LinkedHashMap<String, Integer> classIds, String alg, Tok algTok,
      Integer hash, List<ItemTok> items) {}

  /** The largest text the parser reads: 10 MiB (a map of thousands of OSDs is well under 1 MiB). */
  public static final int MAX_CHARS = 10 * 1024 * 1024;

  public static CrushMap parse(String text) {
    if (text.length() > MAX_CHARS) throw new InvalidSpecException("crush map", "is larger than " + MAX_CHARS + " characters (10 MiB), got " + text.length());
    Lexer lx = new Lexer(text);
    CrushTunables.Builder tun = CrushTunables.builder().from(CrushTunables.legacy());
    List<CrushDevice> devices = new ArrayList<>();
    List<CrushType> types = new ArrayList<>();
    List<BucketTok> buckets = new ArrayList<>();
    List<CrushRule> rules = new ArrayList<>();
    List<Tok> ruleToks = new ArrayList<>();
    List<CrushChooseArgs> chooseArgs = new ArrayList<>();
    int section = 0; // 0 = tunables/devices/types, 1 = buckets and rules, 2 = choose_args
    List<Object> body = new ArrayList<>(); // buckets and rules in order
    while (lx.more()) {
      Tok t = lx.peek();
      String w = t.text;
      if (section == 0 && w.equals("tunable")) {
        lx.next("tunable");
        String name = lx.match(NAME, "a tunable name");
        int v = posint(lx, "the tunable's value");
        switch (name) {
          case "choose_local_tries": tun.chooseLocalTries(v); break;
          case "choose_local_fallback_tries": tun.chooseLocalFallbackTries(v); break;
          case "choose_total_tries": tun.chooseTotalTries(v); break;
          case "chooseleaf_descend_once": tun.chooseleafDescendOnce(v); break;
          case "chooseleaf_vary_r": tun.chooseleafVaryR(v); break;
          case "chooseleaf_stable": tun.chooseleafStable(v); break;
          case "straw_calc_version": tun.strawCalcVersion(v); break;
          case "allowed_bucket_algs": tun.allowedBucketAlgs(v); break;
          default: throw semantic(t, "tunable " + name, "tunable " + name + " not recognized");
        }
      } else if (section == 0 && w.equals("device")) {
        lx.next("device");
        int id = posint(lx, "a device id");
        String name = lx.match(NAME, "a device name");
        CrushDevice.Builder d = CrushDevice.builder().id(id).name(name);
        if (lx.accept("class")) d.deviceClass(lx.match(NAME, "a device class"));
        devices.add(wrap(t, "device " + name, d::build));
      } else if (section == 0 && w.equals("type")) {
        lx.next("type");
        int id = posint(lx, "a type id");
        String name = lx.match(NAME, "a type name");
        types.add(wrap(t, "type " + name, () -> CrushType.of(id, name)));
      } else if (section <= 1 && w.equals("rule")) {
        section = 1;
        Tok at = lx.next("rule");
        body.add(parseRule(lx, at));
      } else if (w.equals("choose_args")) {
        section = 2;
        chooseArgs.add(parseChooseArgs(lx));
      } else if (section <= 1 && NAME.matcher(w).matches()) {
        section = 1;
        body.add(parseBucket(lx));
      } else {
        throw lx.error(section == 0 ? "'tunable', 'device', 'type', a bucket or a rule"
            : section == 1 ? "a bucket, a rule or 'choose_args'" : "'choose_args'");
      }
    }
    boolean sawRule = false;
    for (Object o : body) {
      if (o instanceof BucketTok) {
        if (sawRule) throw semantic(((BucketTok) o).at, "bucket " + ((BucketTok) o).name, "buckets must be defined before rules");
        buckets.add((BucketTok) o);
      } else {
        sawRule = true;
        RuleTok r = (RuleTok) o;
        rules.add(r.rule);
        ruleToks.add(r.at);
      }
    }

    // crushtool's adjust_bucket_item_place: a bucket that holds a later one swaps places with it
    buckets = swapForwardReferences(buckets);

    // buckets in order, as crushtool's parse_bucket does
    Map<String, Integer> typeIds = new HashMap<>();
    for (CrushType ty : types) typeIds.put(ty.name(), ty.id());
    Map<String, Integer> itemIds = new HashMap<>();
    Map<Integer, Long> itemWeight = new HashMap<>();
    Set<Integer> idItem = new HashSet<>();
    for (CrushDevice d : devices) {
      if (itemIds.containsKey(d.name())) throw semantic(null, "device " + d.name(), "item " + d.name() + " defined twice");
      itemIds.put(d.name(), d.id());
      idItem.add(d.id());
    }
    for (BucketTok b : buckets) if (b.id != null) idItem.add(b.id);
    List<CrushBucket> model = new ArrayList<>();
    for (BucketTok b : buckets) {
      String at = "bucket " + b.name;
      if (!typeIds.containsKey(b.type)) throw semantic(b.at, at + "/type", "bucket type '" + b.type + "' is not defined");
      if (itemIds.containsKey(b.name)) throw semantic(b.at, at, "bucket or device '" + b.name + "' is already defined");
      CrushBucketAlg alg;
      try {
        alg = CrushBucketAlg.of(b.alg);
      } catch (InvalidSpecException e) {
        throw semantic(b.algTok, at + "/alg", "unknown bucket alg '" + b.alg + "'");
      }
      Set<Integer> usedPos = new TreeSet<>();
      for (ItemTok i : b.items) {
        if (i.pos != null && !usedPos.add(i.pos)) {
          throw semantic(i.at, at + "/item " + i.name, "item '" + i.name + "' in bucket '" + b.name + "' has explicit pos " + i.pos + ", which is occupied");
        }
      }
      int size = b.items.size();
      if (!usedPos.isEmpty()) size = Math.max(size, ((TreeSet<Integer>) usedPos).last());
      String[] slotNames = new String[size];
      int[] slotWeights = new int[size];
      int curpos = 0;
      long bucketWeight = 0;
      Long uniform = null;
      for (ItemTok i : b.items) {
        Integer itemId = itemIds.get(i.name);
        if (itemId == null) throw semantic(i.at, at + "/item " + i.name, "item '" + i.name + "' in bucket '" + b.name + "' is not defined");
        long weight = itemWeight.getOrDefault(itemId, 0x10000L);
        if (i.weight != null) {
          weight = fixedOf(Float.parseFloat(i.weight));
          if (weight > 100L * 0x10000 && itemId >= 0) throw semantic(i.at, at + "/item " + i.name + "/weight", "device weight limited to 100");
          if (weight > 65535L * 0x10000 && itemId < 0) throw semantic(i.at, at + "/item " + i.name + "/weight", "bucket weight limited to 65535 to prevent overflow");
          if (weight < 0) throw semantic(i.at, at + "/item " + i.name + "/weight", "must be >= 0, got " + i.weight);
        }
        if (alg == CrushBucketAlg.UNIFORM) {
          if (uniform == null) uniform = weight;
          else if (uniform != weight) {
            throw semantic(i.at, at + "/item " + i.name + "/weight", "item '" + i.name + "' in uniform bucket '" + b.name + "' has weight "
                + fixed((int) weight) + " but previous item(s) have weight " + fixed(uniform.intValue())
                + "; uniform bucket items must all have identical weights");
          }
        }
        if (weight > Integer.MAX_VALUE) {
          throw semantic(i.at, at + "/item " + i.name + "/weight", "crushtool -d prints an item weight from a signed 32-bit 16.16 number:"
              + " at most 32767.999, got " + fixed16(weight) + (i.weight == null ? " (the weight of bucket " + i.name + ")" : ""));
        }
        int pos = i.pos == null ? -1 : i.pos;
        if (pos >= size) throw semantic(i.at, at + "/item " + i.name, "item '" + i.name + "' in bucket '" + b.name + "' has pos " + pos + " >= size " + size);
        if (pos < 0) {
          while (usedPos.contains(curpos)) curpos++;
          pos = curpos++;
        }
        slotNames[pos] = i.name;
        slotWeights[pos] = (int) weight;
        bucketWeight += weight;
        if (bucketWeight > 0xffffffffL) throw semantic(i.at, at + "/weight", "the items' weights overflow the bucket's 32-bit weight; lower them");
      }
      for (int p = 0; p < size; p++) {
        if (slotNames[p] == null) throw semantic(b.at, at + "/item", "the items' positions leave position " + p + " empty");
      }
      int id;
      if (b.id != null) {
        id = b.id;
      } else {
        id = -1;
        while (idItem.contains(id)) id--;
      }
      idItem.add(id);
      itemIds.put(b.name, id);
      itemWeight.put(id, bucketWeight);
      List<CrushBucketItem> items = new ArrayList<>();
      for (int p = 0; p < size; p++) items.add(CrushBucketItem.builder().name(slotNames[p]).weightFixed(slotWeights[p]).build());
      final int bid = id;
      final CrushBucketAlg balg = alg;
      model.add(wrap(b.at, at, () -> CrushBucket.builder().id(bid).name(b.name).type(b.type).alg(balg).hash(b.hash == null ? 0 : b.hash)
          .items(items).classIds(b.classIds).build()));
    }
    for (int r = 0; r < rules.size(); r++) {
      CrushRule rule = rules.get(r);
      for (CrushStep s : rule.steps()) {
        if (s.op() == CrushStep.Op.TAKE && !itemIds.containsKey(s.item().get())) {
          throw semantic(ruleToks.get(r), "rule " + rule.name() + "/" + s, "in rule '" + rule.name() + "' item '" + s.item().get() + "' not defined");
        }
        if (s.op().isChoose() && !typeIds.containsKey(s.type().get())) {
          throw semantic(ruleToks.get(r), "rule " + rule.name() + "/" + s, "in rule '" + rule.name() + "' type '" + s.type().get() + "' not defined");
        }
      }
    }
    return CrushMap.builder().tunables(tun.build()).devices(devices).types(types).buckets(model).rules(rules).chooseArgs(chooseArgs).build();
  }

  private static List<BucketTok> swapForwardReferences(List<BucketTok> buckets) {
    List<BucketTok> slots = new ArrayList<>(buckets);
    Map<String, Integer> slotOf = new HashMap<>();
    Map<String, Set<String>> itemsOf = new HashMap<>();
    for (int i = 0; i < buckets.size(); i++) {
      BucketTok b = buckets.get(i);
      slotOf.put(b.name, i);
      Set<String> s = new HashSet<>();
      for (ItemTok it : b.items) s.add(it.name);
      itemsOf.put(b.name, s);
    }
    for (int i = 0; i < buckets.size(); i++) {
      for (int j = i + 1; j < buckets.size(); j++) {
        String bi = buckets.get(i).name;
        String bj = buckets.get(j).name;
        if (itemsOf.get(bi).contains(bj)) {
          if (itemsOf.get(bj).contains(bi)) {
            throw semantic(buckets.get(i).at, "bucket " + bi, "bucket '" + bi + "' and bucket '" + bj + "' are included each other (a bucket cycle)");
          }
          // crushtool swaps the parse-tree nodes its name map points at and never updates the map
          int a = slotOf.get(bi);
          int c = slotOf.get(bj);
          BucketTok tmp = slots.get(a);
          slots.set(a, slots.get(c));
          slots.set(c, tmp);
        }
      }
    }
    return slots;
  }

  private static BucketTok parseBucket(Lexer lx) {
    Tok at = lx.peek();
    String type = lx.match(NAME, "a bucket type");
    String name = lx.match(NAME, "a bucket name");
    lx.keyword("{");
    Integer id = null;
    LinkedHashMap<String, Integer> classIds = new LinkedHashMap<>();
    while ("id".equals(lx.peekText())) {
      lx.next("id");
      Tok idTok = lx.peek();
      int v = int32(lx, NEGINT, "a negative bucket id");
      if (lx.accept("class")) {
        String c = lx.match(NAME, "a device class");
        if (classIds.containsKey(c)) throw semantic(idTok, "bucket " + name + "/id class " + c, "duplicate device class " + c + " for bucket " + name);
        classIds.put(c, v);
      } else {
        id = v;
      }
    }
    Tok algTok = lx.peek();
    lx.keyword("alg");
    String alg = lx.match(NAME, "a bucket algorithm (straw2, straw, list, uniform, tree)");
    Integer hash = null;
    while (lx.accept("hash")) {
      String h = lx.next("a hash (0 or rjenkins1)").text;
      if (h.equals("rjenkins1")) hash = 0;
      else if (INT.matcher(h).matches()) {
        lx.pos--;
        hash = int32(lx, INT, "a hash (0 or rjenkins1)");
      } else {
        lx.pos--;
        throw lx.error("a hash (0 or rjenkins1)");
      }
    }
    List<ItemTok> items = new ArrayList<>();
    while (!"}".equals(lx.peekText())) {
      Tok it = lx.peek();
      if (!"item".equals(lx.peekText())) throw lx.error("'item' or '}'");
      lx.next("item");
      String iname = lx.match(NAME, "an item name");
      String weight = null;
      Integer pos = null;
      if (lx.accept("weight")) weight = lx.match(REAL, "a weight (a number)");
      if (lx.accept("pos")) pos = posint(lx, "a position");
      items.add(new ItemTok(iname, weight, pos, it));
    }
    lx.keyword("}");
    return new BucketTok(at, type, name, id, classIds, alg, algTok, hash, items);
  }

  private record RuleTok(Tok at, CrushRule rule) {}

  private static RuleTok parseRule(Lexer lx, Tok at) {
    String name = null;
    if (!"{".equals(lx.peekText())) name = lx.match(NAME, "a rule name or '{'");
    lx.keyword("{");
    if (!lx.accept("id") && !lx.accept("ruleset")) throw lx.error("'id'");
    int id = posint(lx, "a rule id");
    lx.keyword("type");
    String type = lx.next("'replicated' or 'erasure'").text;
    CrushRule.Type rt;
    if (type.equals("replicated")) rt = CrushRule.Type.REPLICATED;
    else if (type.equals("erasure")) rt = CrushRule.Type.ERASURE;
    else {
      lx.pos--;
      throw lx.error("'replicated' or 'erasure'");
    }
    // Ceph Pacific requires both (Quincy dropped them)
    lx.keyword("min_size");
    int min = posint(lx, "min_size's value");
    lx.keyword("max_size");
    int max = posint(lx, "max_size's value");
    List<CrushStep> steps = new ArrayList<>();
    do {
      lx.keyword("step");
      steps.add(parseStep(lx));
    } while ("step".equals(lx.peekText()));
    lx.keyword("}");
    String rname = name != null ? name : "rule" + id;
    CrushRule r = wrap(at, "rule " + rname, () -> CrushRule.builder().id(id).name(rname).type(rt).minSize(min).maxSize(max).steps(steps).build());
    return new RuleTok(at, r);
  }

  private static CrushStep parseStep(Lexer lx) {
    Tok t = lx.peek();
    String w = lx.next("a step (take, choose, chooseleaf, emit, set_...)").text;
    switch (w) {
      case "take": {
        String item = lx.match(NAME, "the bucket to take");
        if (lx.accept("class")) return CrushStep.take(item, lx.match(NAME, "a device class"));
        return CrushStep.take(item);
      }
      case "emit":
        return CrushStep.emit();
      case "choose":
      case "chooseleaf": {
        String mode = lx.next("'firstn' or 'indep'").text;
        if (!mode.equals("firstn") && !mode.equals("indep")) {
          lx.pos--;
          throw lx.error("'firstn' or 'indep'");
        }
        int n = int32(lx, INT, "how many to choose (an integer)");
        lx.keyword("type");
        String type = lx.match(NAME, "a type name");
        CrushStep.Op op = w.equals("choose") ? (mode.equals("firstn") ? CrushStep.Op.CHOOSE_FIRSTN : CrushStep.Op.CHOOSE_INDEP)
            : (mode.equals("firstn") ? CrushStep.Op.CHOOSELEAF_FIRSTN : CrushStep.Op.CHOOSELEAF_INDEP);
        return CrushStep.choose(op, n, type);
      }
      default:
        for (CrushStep.Op op : CrushStep.Op.values()) {
          if (op.isSet() && op.text().equals(w)) return CrushStep.set(op, posint(lx, w + "'s value"));
        }
        lx.pos--;
        throw new CrushSyntaxException(t.line, t.col, "expected a step (take, choose, chooseleaf, emit, set_choose_tries, ...) but found '" + w + "'");
    }
  }

  private static CrushChooseArgs parseChooseArgs(Lexer lx) {
    lx.keyword("choose_args");
    Tok it = lx.peek();
    String idx = lx.match(POSINT, "a choose_args index");
    long index;
    try {
      index = Long.parseUnsignedLong(idx);
    } catch (NumberFormatException e) {
      throw new CrushSyntaxException(it.line, it.col, "a choose_args index must fit 64 bits, got " + idx);
    }
    lx.keyword("{");
    CrushChooseArgs.Builder ca = CrushChooseArgs.builder().index(index);
    while (lx.accept("{")) {
      lx.keyword("bucket_id");
      CrushChooseArg.Builder a = CrushChooseArg.builder().bucketId(int32(lx, NEGINT, "a bucket id"));
      if (lx.accept("weight_set")) {
        lx.keyword("[");
        while (lx.accept("[")) {
          List<Integer> ws = new ArrayList<>();
          while (!"]".equals(lx.peekText())) ws.add(weightSetWeight(lx));
          lx.keyword("]");
          a.addWeightSet(ws);
        }
        lx.keyword("]");
      }
      if (lx.accept("ids")) {
        lx.keyword("[");
        while (!"]".equals(lx.peekText())) a.addId(int32(lx, INT, "an id or ']'"));
        lx.keyword("]");
      }
      lx.keyword("}");
      ca.addArg(a.build());
    }
    lx.keyword("}");
    return ca.build();
  }

  /** An integer token that must fit 32 bits, as crushtool reads it. */
  private static int int32(Lexer lx, Pattern p, String what) {
    Tok t = lx.peek();
    String s = lx.match(p, what);
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new CrushSyntaxException(t.line, t.col, what + " must fit 32 bits, got " + (s.length() > 24 ? s.substring(0, 24) + "..." : s));
    }
  }

  /** A choose_args weight: 0 to just under 32768 (16.16 in a signed 32-bit int, as crushtool -d prints it), so the writer can print it back. */
  private static int weightSetWeight(Lexer lx) {
    Tok t = lx.peek();
    String s = lx.match(REAL, "a weight or ']'");
    long w = fixedOf(Float.parseFloat(s));
    if (w < 0 || w > Integer.MAX_VALUE || s.startsWith("-")) {
      throw new CrushSyntaxException(t.line, t.col, "a weight_set weight is 0 to 32767.999, got " + (s.length() > 24 ? s.substring(0, 24) + "..." : s));
    }
    return (int) w;
  }

  private static int posint(Lexer lx, String what) {
    Tok t = lx.peek();
    String s = lx.match(POSINT, what);
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new CrushSyntaxException(t.line, t.col, what + " is too large: " + s);
    }
  }

  private static InvalidSpecException semantic(Tok at, String field, String rule) {
    return new InvalidSpecException(at == null ? field : "crush map line " + at.line + " (" + field + ")", rule);
  }

  private static <T> T wrap(Tok at, String field, java.util.function.Supplier<T> build) {
    try {
      return build.get();
    } catch (InvalidSpecException e) {
      throw new InvalidSpecException(at == null ? e.field() : "crush map line " + at.line + " (" + e.field() + ")", e.rule(), e);
    }
  }
}
