package io.kvmsdk.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.core.host.Probe;
import io.kvmsdk.core.host.Step;
import io.kvmsdk.core.testing.Fuzz;
import io.kvmsdk.network.ovs.OvsDb;
import io.kvmsdk.testkit.FakeHost;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every probe of the Linux and Open vSwitch plans judges whatever its read prints: the JSON of
 * {@code ip -j -d addr show}, {@code bridge -j vlan show} and {@code ovs-vsctl --format=json list},
 * as the real tools printed it on this machine ({@code src/test/resources/tool-output}; the
 * {@code bridge} one written by hand in iproute2's format: this kernel has no VLAN filtering) and as the
 * fake host prints it after the plans ran, then mutated as a broken or hostile tool would print it (values of the
 * wrong type, out-of-range numbers, hostile strings, missing or duplicated fields, deep nesting,
 * truncation). A probe may only answer true or false: no exception, no more than {@link
 * Fuzz#CASE_CPU_NANOS} of CPU, and the same answer for the same text. Case {@code N} is determined by
 * its seed; {@code -Dkvmsdk.fuzzCount=N} runs more.
 */
class ProbeFuzzTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final OvsDb DB = OvsDb.of("unix:/tmp/fake-ovs/db.sock");
  static ExecutorService worker;

  @BeforeAll static void start() {
    worker = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "probe-fuzz");
      t.setDaemon(true);
      return t;
    });
  }

  @AfterAll static void stop() { worker.shutdownNow(); }

  static Plan linuxPlan() {
    return HostNetwork.builder()
        .addBond(BondSpec.linux("bond0").mode("802.3ad").lacpRate("fast").xmitHashPolicy("layer3+4").miimon(100)
            .addMembers("eth0", "eth1").mtu(9000).build())
        .addVlan(VlanSpec.of("bond0", 100))
        .addVlan(VlanSpec.of("bond0", 200).copy(b -> b.addAddress("198.51.100.11/24")))
        .addBridge(BridgeSpec.linux("br100").addPort("bond0.100").mtu(9000).stp(true).forwardDelay(4)
            .addAddress("2001:db8::1/64").build())
        .addBridge(BridgeSpec.linux("br0").addTrunk("eth2", 20, 21, 22, 30).build())
        .build().plan();
  }

  static Plan ovsPlan() { return OvsPlansFakeTest.everyFeature().plan(DB); }

  static List<Probe> probes(Plan p) {
    List<Probe> out = new ArrayList<>();
    for (Step s : p.steps()) s.probe().ifPresent(out::add);
    return out;
  }

  static String resource(String name) {
    try (InputStream in = ProbeFuzzTest.class.getResourceAsStream("/tool-output/" + name)) {
      assertThat(in).as("test resource tool-output/" + name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Each read the probes use, with what the real tools and the fake host printed for it. */
  static Map<HostCommand, List<String>> seeds(List<Probe> probes) {
    FakeHost host = FakeHost.create("hv1").withPhysicalLink("eth0").withPhysicalLink("eth1").withPhysicalLink("eth2")
        .withPhysicalLink("eth3").withPhysicalLink("tap0");
    linuxPlan().apply(host);
    ovsPlan().apply(host);
    Map<HostCommand, List<String>> seeds = new LinkedHashMap<>();
    for (Probe p : probes) {
      List<String> docs = seeds.computeIfAbsent(p.read(), r -> new ArrayList<>());
      if (!docs.isEmpty()) continue;
      docs.add(host.run(p.read()).stdout());
      String cmd = String.join(" ", p.read().argv());
      if (cmd.startsWith("ip -j")) docs.add(resource("ip-addr.json"));
      else if (cmd.startsWith("bridge -j")) docs.add(resource("bridge-vlan.json"));
      else if (cmd.contains("--format=json")) docs.add(resource("ovs-list.json"));
    }
    return seeds;
  }

  @Test void everyProbeJudgesAnyOutputOfItsReadWithoutThrowingOrHanging() throws Exception {
    List<Probe> probes = new ArrayList<>(probes(linuxPlan()));
    probes.addAll(probes(ovsPlan()));
    Map<HostCommand, List<String>> seeds = seeds(probes);
    assertThat(seeds.keySet()).extracting(c -> c.argv().get(0)).contains("ip", "bridge", "ovs-vsctl");
    assertThat(probes).hasSizeGreaterThan(30);

    // the unmutated seeds: the fake's output (made by the plans) satisfies every probe of its read
    for (Probe p : probes) assertThat(p.test(seeds.get(p.read()).get(0))).as("%s on the fake's converged output", p).isTrue();

    int cases = Integer.getInteger("kvmsdk.fuzzCount", 0);
    if (cases <= 0) cases = 1500;   // the build passes 0 for "the default"; -Pfuzz passes 20000
    int flipped = 0;
    List<String> failures = new ArrayList<>();
    for (long seed = 0; seed < cases && failures.size() < 10; seed++) {
      SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L);
      HostCommand read = new ArrayList<>(seeds.keySet()).get(r.nextInt(seeds.size()));
      List<String> docs = seeds.get(read);
      String doc = docs.get(r.nextInt(docs.size()));
      String input = new JsonMutator(r).mutate(doc);
      List<Probe> mine = probes.stream().filter(p -> p.read().equals(read)).toList();
      String failure = judge(mine, input, seed);
      if (failure != null) failures.add(failure);
      else if (mine.stream().anyMatch(p -> p.test(doc) != p.test(input))) flipped++;
    }
    assertThat(failures).as("broken cases (seed: probe: what)").isEmpty();
    // the mutations reach what the probes look at: many cases turn a done step into a not-done one
    assertThat(flipped).as("cases where a mutation changed a probe's answer").isGreaterThan(cases / 10);
  }

  @Test void aBridgeVlanRangeUpToIntegerMaxIsJudgedAtOnce() throws Exception {
    Probe p = probes(linuxPlan()).stream().filter(x -> x.read().argv().get(0).equals("bridge")).findFirst().orElseThrow();
    String hostile = "[{\"ifname\":\"eth2\",\"vlans\":[{\"vlan\":-2147483648,\"vlanEnd\":2147483647,\"flags\":[\"PVID\"]}]}]";
    assertThat(judge(List.of(p), hostile, -1)).isNull();
    assertThat(p.test(hostile)).isFalse();
  }

  @Test void anIpv6AddressInAnotherSpellingIsTheSameAndANameWithAColonIsNotAnAddress() throws Exception {
    Probe p = probes(linuxPlan()).stream().filter(x -> x.expectation().contains("2001:db8::1/64")).findFirst().orElseThrow();
    String doc = seeds(List.of(p)).get(p.read()).get(0);
    assertThat(p.test(doc)).isTrue();
    assertThat(p.test(doc.replace("\"2001:db8::1\"", "\"2001:0db8:0:0::1\""))).isTrue();
    // compared as text: only a literal goes to InetAddress (the JDK looks a name like this one up in DNS)
    assertThat(p.test(doc.replace("\"2001:db8::1\"", "\"gateway.invalid:1\""))).isFalse();
  }

  /** Null when every probe answered in time, the same twice; else what broke. */
  static String judge(List<Probe> probes, String input, long seed) throws InterruptedException {
    for (Probe p : probes) {
      Future<String> f = worker.submit(() -> {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long c0 = mx.getCurrentThreadCpuTime();
        boolean a = p.test(input);
        long used = mx.getCurrentThreadCpuTime() - c0;
        boolean b = p.test(new String(input)); // a fresh copy: the tables are reused only for the same string
        if (a != b) return "answered " + a + " then " + b;
        if (used > Fuzz.CASE_CPU_NANOS) return "took " + used / 1_000_000 + " ms of CPU";
        return null;
      });
      try {
        String broken = f.get(30, TimeUnit.SECONDS);
        if (broken != null) return seed + ": " + p + ": " + broken + "; input: " + Fuzz.excerpt(input, 300);
      } catch (TimeoutException e) {
        f.cancel(true);
        worker.shutdownNow();
        start();
        return seed + ": " + p + ": no answer after 30 s; input: " + Fuzz.excerpt(input, 300);
      } catch (ExecutionException e) {
        return seed + ": " + p + ": threw " + e.getCause() + "; input: " + Fuzz.excerpt(input, 300);
      }
    }
    return null;
  }

  /** Structural mutations of a JSON document (its lines, for ovs-vsctl's one document per table). */
  static final class JsonMutator {
    static final JsonNodeFactory F = JsonNodeFactory.instance;
    final SplittableRandom r;

    JsonMutator(SplittableRandom r) { this.r = r; }

    String mutate(String doc) throws IOException {
      String[] lines = doc.strip().split("\n", -1);
      int n = 1 + r.nextInt(4);
      for (int k = 0; k < n; k++) {
        int i = r.nextInt(lines.length);
        if (lines[i].isBlank()) continue;
        JsonNode root = JSON.readTree(lines[i]);
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        step(containers.get(r.nextInt(containers.size())));
        lines[i] = JSON.writeValueAsString(root);
      }
      String out = String.join("\n", lines);
      if (r.nextInt(12) == 0) out = out.substring(0, r.nextInt(out.length() + 1));
      return out;
    }

    static void collect(JsonNode n, List<JsonNode> out) {
      if (!n.isContainerNode()) return;
      out.add(n);
      for (JsonNode c : n) collect(c, out);
    }

    JsonNode hostile() {
      switch (r.nextInt(12)) {
        case 0: return F.numberNode(Integer.MAX_VALUE);
        case 1: return F.numberNode(Integer.MIN_VALUE);
        case 2: return F.numberNode(Long.MAX_VALUE);
        case 3: return F.numberNode(r.nextInt(-2, 5000));
        case 4: return F.numberNode(1e308);
        case 5: return F.nullNode();
        case 6: return F.booleanNode(r.nextBoolean());
        case 7: return F.arrayNode();
        case 8: return F.objectNode();
        case 9: {
          ArrayNode deep = F.arrayNode();
          ArrayNode at = deep;
          for (int d = 0; d < 200; d++) at = at.addArray().add("set").addArray();
          return deep;
        }
        case 10: return F.arrayNode().add(r.nextBoolean() ? "set" : r.nextBoolean() ? "map" : "uuid").add(hostileText());
        default: return F.textNode(hostileText());
      }
    }

    String hostileText() { return Fuzz.HOSTILE.get(r.nextInt(Fuzz.HOSTILE.size())); }

    void step(JsonNode c) {
      if (c instanceof ObjectNode o) {
        if (o.isEmpty()) {
          o.set(hostileText(), hostile());
          return;
        }
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        String name = names.get(r.nextInt(names.size()));
        switch (r.nextInt(4)) {
          case 0: o.remove(name); break;
          case 1: { JsonNode v = o.remove(name); o.set(name + (r.nextBoolean() ? "x" : ""), v); break; }
          default: o.set(name, hostile());
        }
      } else if (c instanceof ArrayNode a) {
        if (a.isEmpty()) {
          a.add(hostile());
          return;
        }
        int i = r.nextInt(a.size());
        switch (r.nextInt(4)) {
          case 0: a.remove(i); break;
          case 1: a.insert(i, a.get(i).deepCopy()); break;
          default: a.set(i, hostile());
        }
      }
    }
  }
}
