package io.kvmsdk.storage.ceph;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A million 3-replica mappings on a 120-OSD map (10 hosts of 12 OSDs in 3 racks, as crushtool --build
 * makes it), in-process on one thread, side by side with {@code crushtool --test --show-statistics}
 * over the same million (a C process), measured in CPU time so that a busy CI host does not skew
 * the comparison; both must count the same complete mappings.
 */
class CrushSimulatorSpeedTest {
  static final int N = 1_000_000;

  @Test void aMillionMappingsInProcessAgainstCrushtool() throws Exception {
    Crushtool.require();
    CrushMap map = CrushMap.generate(120, CrushMap.Layer.of("host", CrushBucketAlg.STRAW2, 12), CrushMap.Layer.of("rack", CrushBucketAlg.STRAW2, 3),
        CrushMap.Layer.of("root", CrushBucketAlg.STRAW2, 0));
    Path bin = Crushtool.compile(map.toText());
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    CrushMap.Mapper mapper = map.mapper();
    int[] out = new int[3];
    for (int x = 0; x < 200_000; x++) mapper.map(0, x, out); // JIT warm-up
    long cpu0 = mx.getCurrentThreadCpuTime();
    long wall0 = System.nanoTime();
    int complete = 0;
    for (int x = 0; x < N; x++) if (mapper.map(0, x, out) == 3) complete++;
    double javaCpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
    double javaWall = (System.nanoTime() - wall0) / 1e9;

    long wall1 = System.nanoTime();
    Process p = new ProcessBuilder("bash", "-c", "crushtool -i \"$0\" --test --rule 0 --num-rep 3 --min-x 0 --max-x " + (N - 1)
        + " --show-statistics 2>&1; times", bin.toString()).redirectErrorStream(true).start();
    String text = new String(p.getInputStream().readAllBytes());
    p.waitFor();
    double toolWall = (System.nanoTime() - wall1) / 1e9;
    // `times` prints the shell's then its children's user and system time: 0m2.983s 0m0.055s
    String[] children = text.strip().lines().reduce((a, b) -> b).orElseThrow().trim().split("\\s+");
    double toolCpu = seconds(children[0]) + seconds(children[1]);
    assertThat(text).contains("result size == 3:\t" + complete + "/" + N);

    long wall2 = System.nanoTime();
    PlacementReport two = map.placement("replicated_rule", 3, N, 2);
    double twoWall = (System.nanoTime() - wall2) / 1e9;
    assertThat(N - two.shortMappings()).isEqualTo(complete);

    System.out.printf(Locale.ROOT, "CRUSH 1M x 3 replicas, 120 OSDs: simulator %.2f s CPU (%.2f s wall) on one thread, 2 threads %.2f s wall; "
        + "crushtool --show-statistics %.2f s CPU (%.2f s wall, process included); load %.1f%n", javaCpu, javaWall, twoWall, toolCpu, toolWall,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    // generous bound: the claim (faster than crushtool) is read from the printed numbers; this catches a regression
    assertThat(javaCpu).as("simulator CPU seconds vs crushtool's %.2f", toolCpu).isLessThan(toolCpu * 2);
  }

  static double seconds(String t) {
    int m = t.indexOf('m');
    return Integer.parseInt(t.substring(0, m)) * 60 + Double.parseDouble(t.substring(m + 1, t.length() - 1));
  }
}
