package io.kvmsdk.core.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A snapshot of a domain's counters from libvirt's bulk statistics
 * ({@code virDomainListGetStats}): state, CPU time, balloon, per-disk and per-interface I/O. What a
 * driver does not report is empty; {@link #raw()} keeps every typed parameter libvirt returned.
 */
public record DomainStats(String domainName, DomainState state, OptionalLong cpuTimeNanos,
    OptionalLong balloonCurrentKiB, OptionalLong balloonMaximumKiB, OptionalLong rssKiB,
    List<DomainStatsDisk> disks, List<DomainStatsInterface> interfaces, Map<String, Object> raw) {

  /** Builds the typed view of libvirt's typed parameters ({@code cpu.time}, {@code block.0.rd.bytes}, ...). */
  public static DomainStats fromTypedParameters(String domainName, Map<String, Object> params) {
    Map<String, Object> raw = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    List<DomainStatsDisk> disks = new ArrayList<>();
    for (int i = 0, n = (int) num(raw, "block.count").orElse(0); i < n; i++) {
      String p = "block." + i + ".";
      disks.add(new DomainStatsDisk(str(raw, p + "name"), num(raw, p + "rd.bytes").orElse(-1), num(raw, p + "rd.reqs").orElse(-1),
          num(raw, p + "wr.bytes").orElse(-1), num(raw, p + "wr.reqs").orElse(-1)));
    }
    List<DomainStatsInterface> nics = new ArrayList<>();
    for (int i = 0, n = (int) num(raw, "net.count").orElse(0); i < n; i++) {
      String p = "net." + i + ".";
      nics.add(new DomainStatsInterface(str(raw, p + "name"), num(raw, p + "rx.bytes").orElse(-1), num(raw, p + "rx.pkts").orElse(-1),
          num(raw, p + "tx.bytes").orElse(-1), num(raw, p + "tx.pkts").orElse(-1)));
    }
    OptionalLong st = num(raw, "state.state");
    return new DomainStats(domainName, st.isPresent() ? DomainState.of((int) st.getAsLong()) : DomainState.UNKNOWN,
        num(raw, "cpu.time"), num(raw, "balloon.current"), num(raw, "balloon.maximum"), num(raw, "balloon.rss"),
        List.copyOf(disks), List.copyOf(nics), raw);
  }

  /** One raw value by libvirt's key, if reported. */
  public Optional<Object> get(String key) { return Optional.ofNullable(raw.get(key)); }

  private static OptionalLong num(Map<String, Object> m, String key) {
    Object v = m.get(key);
    return v instanceof Number n ? OptionalLong.of(n.longValue()) : OptionalLong.empty();
  }

  private static String str(Map<String, Object> m, String key) {
    Object v = m.get(key);
    return v == null ? "" : v.toString();
  }

  @Override public String toString() {
    return "DomainStats[" + domainName + " " + state + " cpu=" + (cpuTimeNanos.isPresent() ? cpuTimeNanos.getAsLong() + "ns" : "?")
        + " balloon=" + (balloonCurrentKiB.isPresent() ? balloonCurrentKiB.getAsLong() + "KiB" : "?")
        + " disks=" + disks + " interfaces=" + interfaces + "]";
  }
}
