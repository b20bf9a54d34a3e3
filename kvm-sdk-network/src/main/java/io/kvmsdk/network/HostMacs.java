package io.kvmsdk.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.KvmException;
import io.kvmsdk.core.domain.Domain;
import io.kvmsdk.core.domain.Nic;
import io.kvmsdk.core.domain.NicMac;
import io.kvmsdk.core.host.CommandResult;
import io.kvmsdk.core.host.CommandRunner;
import io.kvmsdk.core.host.HostCommand;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A view of the MAC addresses in use on a host, read when a {@link MacPool} is built or
 * {@link MacPool#refresh() refreshed}: the host's links ({@link #ipLink}), its libvirt domains'
 * interfaces ({@link #domains}), a list you keep ({@link #of}), or your own (a lambda).
 */
@FunctionalInterface
public interface HostMacs {
  /** The addresses in use now, in any case ({@code 52:54:00:AB:..} and {@code 52:54:00:ab:..} are the same). */
  Collection<String> read();

  /** A fixed list of addresses. */
  static HostMacs of(Collection<String> macs) {
    Set<String> copy = new LinkedHashSet<>();
    for (String m : macs) copy.add(m.toLowerCase(Locale.ROOT));
    return () -> copy;
  }

  /** A fixed list of addresses. */
  static HostMacs of(String... macs) { return of(Arrays.asList(macs)); }

  /**
   * Every link's address (and permanent address) on the host, from one {@code ip -j link show}
   * (run through {@code runner}: locally, over ssh, or on a fake host).
   */
  static HostMacs ipLink(CommandRunner runner) {
    Objects.requireNonNull(runner, "runner");
    return () -> {
      CommandResult r = runner.runChecked(HostCommand.of("ip", "-j", "link", "show"));
      Set<String> out = new LinkedHashSet<>();
      try {
        JsonNode links = new ObjectMapper().readTree(r.stdout());
        for (JsonNode l : links) {
          for (String f : List.of("address", "permaddr")) {
            if (l.hasNonNull(f)) out.add(l.get(f).asText().toLowerCase(Locale.ROOT));
          }
        }
      } catch (IOException e) {
        throw new KvmException("cannot read the output of `ip -j link show` on " + runner.host() + ": " + e.getMessage(), e);
      }
      return out;
    };
  }

  /** The MAC address of every interface of every domain defined on {@code kvm} (running or not). */
  static HostMacs domains(Kvm kvm) {
    Objects.requireNonNull(kvm, "kvm");
    return () -> {
      Set<String> out = new LinkedHashSet<>();
      for (Domain d : kvm.domains().list()) {
        for (Nic n : d.spec().devices().interfaces()) n.mac().flatMap(NicMac::address).ifPresent(a -> out.add(a.toLowerCase(Locale.ROOT)));
      }
      return out;
    };
  }

  /** The addresses any of {@code views} reports. */
  static HostMacs union(HostMacs... views) {
    List<HostMacs> all = List.of(views);
    return () -> {
      Set<String> out = new LinkedHashSet<>();
      for (HostMacs v : all) for (String m : v.read()) out.add(m.toLowerCase(Locale.ROOT));
      return out;
    };
  }
}
