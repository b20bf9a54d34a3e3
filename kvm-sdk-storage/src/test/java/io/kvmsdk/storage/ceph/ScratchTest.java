package io.kvmsdk.storage.ceph;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScratchTest {
  @Test void scratch() throws Exception {
    for (int n = 1; n <= 9; n++) {
      StringBuilder t = new StringBuilder();
      for (int i = 0; i < n + 2; i++) t.append("device ").append(i).append(" osd.").append(i).append(" class hdd\n");
      t.append("type 0 osd\ntype 1 host\ntype 2 root\nhost a {\n alg tree\n hash 0\n");
      for (int i = 0; i < n; i++) t.append(" item osd.").append(i).append(" weight ").append(1 + i % 3).append("\n");
      t.append("}\nhost b {\n alg straw2\n hash 0\n item osd.").append(n).append(" weight 1\n item osd.").append(n + 1).append(" weight 1\n}\n");
      t.append("root default {\n alg straw2\n hash 0\n item a\n item b\n}\n");
      t.append("rule r {\n id 0\n type replicated\n min_size 1\n max_size 10\n step take default class hdd\n step choose firstn 0 type osd\n step emit\n}\n");
      t.append("rule q {\n id 1\n type replicated\n min_size 1\n max_size 10\n step take default\n step choose firstn 0 type osd\n step emit\n}\n");
      CrushMap m = CrushMap.parse(t.toString());
      Path bin = Crushtool.compile(m.toText());
      for (int rule = 0; rule < 2; rule++) {
        var ref = Crushtool.mappings(bin, rule, 3, 0, 999, Map.of());
        int bad = 0;
        for (int x = 0; x < 1000; x++) if (!Arrays.equals(m.map(rule, x, 3), ref.get(x))) bad++;
        System.out.println("tree size " + n + " rule " + rule + " bad " + bad);
      }
    }
  }
}
