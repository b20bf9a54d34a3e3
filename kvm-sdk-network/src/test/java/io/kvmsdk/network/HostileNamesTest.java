package io.kvmsdk.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.testing.Fuzz;
import io.kvmsdk.core.testing.Oracles;
import io.kvmsdk.core.testing.PlanQuoting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every hostile value of {@link Fuzz#HOSTILE} in every name and free-text slot of a host network:
 * refused when the spec is built (typed), or its plan's script, run by bash and dash, passes every
 * argument through unchanged, and its networkd and ifupdown2 files keep the value on its own line.
 */
class HostileNamesTest {
  static final Map<String, Function<String, HostNetwork>> SLOTS = new LinkedHashMap<>();

  static {
    SLOTS.put("linux bridge name", v -> HostNetwork.builder().addBridge(BridgeSpec.linux(v).addPort("eth0").build()).build());
    SLOTS.put("ovs bridge name", v -> HostNetwork.builder().addBridge(BridgeSpec.ovs(v).addPort("eth0", 10).build()).build());
    SLOTS.put("bridge port", v -> HostNetwork.builder().addBridge(BridgeSpec.linux("br0").addPort(v).build()).build());
    SLOTS.put("ovs port", v -> HostNetwork.builder().addBridge(BridgeSpec.ovs("br0").addTrunk(v, 10, 20).build()).build());
    SLOTS.put("ovs datapath", v -> HostNetwork.builder().addBridge(BridgeSpec.ovs("br0").datapathType(v).build()).build());
    SLOTS.put("vlan parent", v -> HostNetwork.builder().addVlan(VlanSpec.of(v, 100)).build());
    SLOTS.put("vlan address", v -> HostNetwork.builder().addVlan(VlanSpec.of("eth0", 100).copy(b -> b.addAddress(v))).build());
    SLOTS.put("bond name", v -> HostNetwork.builder().addBond(BondSpec.linux(v).addMembers("eth0", "eth1").build()).build());
    SLOTS.put("bond member", v -> HostNetwork.builder().addBond(BondSpec.linux("bond0").addMembers(v, "eth1").build()).build());
    SLOTS.put("bond mode", v -> HostNetwork.builder().addBond(BondSpec.linux("bond0").mode(v).addMembers("eth0", "eth1").build()).build());
    SLOTS.put("bond hash policy", v -> HostNetwork.builder().addBond(BondSpec.linux("bond0").xmitHashPolicy(v).addMembers("eth0", "eth1").build()).build());
    SLOTS.put("vxlan remote", v -> HostNetwork.builder().addVxlan(VxlanSpec.builder().name("vx5").vni(5).local("198.51.100.11").remote(v).dev("eth0").build()).build());
    SLOTS.put("vxlan dev", v -> HostNetwork.builder().addVxlan(VxlanSpec.builder().name("vx5").vni(5).local("198.51.100.11").remote("198.51.100.12").dev(v).build()).build());
  }

  /** A networkd line: blank, a comment, a [Section] or Key=Value of printable characters. */
  static final Pattern NETWORKD_LINE = Pattern.compile("|#.*|\\[[A-Za-z]+\\]|[A-Za-z0-9]+=[^\\p{Cntrl}]*");

  @Test void hostileValuesAreRefusedOrPassThroughShellsAndFilesUnchanged() {
    Oracles.require(PlanQuoting.available(), "neither bash nor dash is installed");
    List<String> values = new ArrayList<>(Fuzz.HOSTILE);
    values.addAll(List.of("eth0 ; reboot", "eth0\nreboot", "br0'$(id)'", "-1x", "a=b", "x\u0085y"));
    PlanQuoting.Result quoting = new PlanQuoting.Result();
    int refused = 0;
    int built = 0;
    List<String> failures = new ArrayList<>();
    for (Map.Entry<String, Function<String, HostNetwork>> slot : SLOTS.entrySet()) {
      for (String v : values) {
        HostNetwork net;
        try {
          net = slot.getValue().apply(v);
        } catch (InvalidSpecException e) {
          refused++;
          continue;
        } catch (RuntimeException e) {
          failures.add(slot.getKey() + " '" + Fuzz.excerpt(v, 40) + "': an untyped " + e);
          continue;
        }
        built++;
        try {
          PlanQuoting.check(net.plan(), quoting);
          PlanQuoting.check(net.removalPlan(), quoting);
          net.networkd().files().forEach((name, text) -> {
            for (String line : text.split("\n", -1)) {
              if (!NETWORKD_LINE.matcher(line).matches()) failures.add(slot.getKey() + " '" + Fuzz.excerpt(v, 40) + "': " + name + " line '" + Fuzz.excerpt(line, 80) + "'");
            }
          });
          for (String line : net.ifupdown2().split("\n", -1)) {
            if (line.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t')) failures.add(slot.getKey() + " '" + Fuzz.excerpt(v, 40) + "': ifupdown2 line '" + Fuzz.excerpt(line, 80) + "'");
          }
        } catch (InvalidSpecException e) {
          refused++; // refused when planned: still typed, before anything runs
        } catch (RuntimeException e) {
          failures.add(slot.getKey() + " '" + Fuzz.excerpt(v, 40) + "': planning threw an untyped " + e);
        }
      }
    }
    System.out.println("hostile names: " + SLOTS.size() + " slots x " + values.size() + " values: " + refused + " refused typed, "
        + built + " built; quoting: " + quoting);
    failures.addAll(quoting.failures);
    assertThat(failures).isEmpty();
    assertThat(quoting.runs).isPositive();
  }
}
