package io.kvmsdk.network.fake;

import io.kvmsdk.testkit.host.FakeToolSlot;
import io.kvmsdk.testkit.host.FakeToolState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The nftables rulesets of a fake host, one per network namespace: tables of chains of rules, each
 * rule kept as nft lists it. Lost on a reboot, like the kernel's.
 */
public final class NftState implements FakeToolState<NftState> {
  /** The slot of the fake host holding it. */
  public static final FakeToolSlot<NftState> SLOT = FakeToolSlot.of("nftables", NftState::new);

  /** One table. */
  public static final class Table {
    final String family;
    final String name;
    final Map<String, Chain> chains = new LinkedHashMap<>();

    Table(String family, String name) {
      this.family = family;
      this.name = name;
    }

    Table copy() {
      Table t = new Table(family, name);
      chains.forEach((k, v) -> t.chains.put(k, v.copy()));
      return t;
    }

    /** {@code FAMILY NAME}. */
    public String id() { return family + " " + name; }

    /** The chain names, in creation order. */
    public List<String> chainNames() { return List.copyOf(chains.keySet()); }

    /** The rules of chain {@code name}, as nft lists them (counters with their values). */
    public List<String> rules(String chain) {
      Chain c = chains.get(chain);
      return c == null ? List.of() : List.copyOf(c.rules);
    }

    String listing(boolean stateless) {
      StringBuilder sb = new StringBuilder("table ").append(id()).append(" {\n");
      int i = 0;
      for (Chain c : chains.values()) {
        if (i++ > 0) sb.append('\n');
        sb.append("\tchain ").append(c.name).append(" {\n");
        if (c.type != null) {
          sb.append("\t\ttype ").append(c.type).append(" hook ").append(c.hook).append(" priority ").append(Nft.priorityText(c.hook, c.priority))
              .append("; policy ").append(c.policy).append(";\n");
        }
        for (String r : c.rules) sb.append("\t\t").append(stateless ? r.replace("counter packets 0 bytes 0", "counter") : r).append('\n');
        sb.append("\t}\n");
      }
      return sb.append("}\n").toString();
    }
  }

  /** One chain; {@code type} is null for a regular (non-base) chain. */
  static final class Chain {
    final String name;
    String type;
    String hook;
    int priority;
    String policy = "accept";
    final List<String> rules = new ArrayList<>();

    Chain(String name) { this.name = name; }

    Chain copy() {
      Chain c = new Chain(name);
      c.type = type;
      c.hook = hook;
      c.priority = priority;
      c.policy = policy;
      c.rules.addAll(rules);
      return c;
    }
  }

  /** namespace ("" for the host's) -> "family name" -> table, in creation order. */
  final Map<String, Map<String, Table>> rulesets = new TreeMap<>();

  /** The tables of {@code namespace} ({@code ""}: the host's), in creation order. */
  public List<Table> tables(String namespace) { return List.copyOf(rulesets.getOrDefault(namespace, Map.of()).values()); }

  /** Table {@code family name} of {@code namespace}. */
  public Optional<Table> table(String namespace, String family, String name) {
    return Optional.ofNullable(rulesets.getOrDefault(namespace, Map.of()).get(family + " " + name));
  }

  Map<String, Table> ruleset(String namespace) { return rulesets.computeIfAbsent(namespace, k -> new LinkedHashMap<>()); }

  @Override public NftState copy() {
    NftState s = new NftState();
    rulesets.forEach((ns, tables) -> {
      Map<String, Table> m = new LinkedHashMap<>();
      tables.forEach((k, v) -> m.put(k, v.copy()));
      s.rulesets.put(ns, m);
    });
    return s;
  }

  @Override public List<String> describe() {
    List<String> out = new ArrayList<>();
    rulesets.forEach((ns, tables) -> {
      String where = ns.isEmpty() ? "" : "netns " + ns + ": ";
      for (Table t : tables.values()) {
        out.add(where + "table " + t.id());
        for (Chain c : t.chains.values()) {
          out.add(where + "table " + t.id() + " chain " + c.name
              + (c.type == null ? "" : ": type " + c.type + " hook " + c.hook + " priority " + c.priority + " policy " + c.policy));
          for (String r : c.rules) out.add(where + "table " + t.id() + " chain " + c.name + " rule: " + r);
        }
      }
    });
    return out;
  }
}
