package io.kvmsdk.core.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.testing.RelaxNg;
import io.kvmsdk.core.testing.XmlSame;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The schema's features the corpus does not show, in the forms users and libvirt's own input tests
 * write them (netmask or prefix, {@code <forward dev>} without its pool, {@code <dns enable>},
 * {@code <tftp>}, {@code <bootp>}, leases without unit, {@code <metadata>}, {@code <port isolated>},
 * {@code <mtu>}, dnsmasq options, live {@code connections}, every virtualport type, ...): each file is
 * schema-valid, round-trips the same, is stable, fully typed, and libvirt defines it
 * ({@code virsh -c test:///default net-define}); libvirt's own rendering of it parses fully typed too.
 */
class NetworkInputsTest {
  /** Inputs a real libvirtd refuses for reasons of the host, not of the XML (no SR-IOV VF at that PCI address). */
  static final Set<String> HOST_DEPENDENT = Set.of("live-connections-hostdev.xml");

  static List<Path> inputs(String dir) throws IOException, URISyntaxException {
    Path d = Path.of(NetworkInputsTest.class.getResource(dir).toURI());
    try (Stream<Path> s = Files.list(d)) {
      return s.filter(p -> p.toString().endsWith(".xml")).sorted().collect(Collectors.toList());
    }
  }

  static <T> List<String> roundTrip(List<Path> files, String schema, Function<String, T> parse, Function<T, String> render,
      Function<T, List<String>> unmodeled) throws IOException {
    RelaxNg rng = RelaxNg.of(schema);
    List<String> failures = new ArrayList<>();
    for (Path f : files) {
      String name = f.getFileName().toString();
      String original = Files.readString(f);
      if (rng.errors(original) != null) { failures.add(name + ": the input itself is not schema-valid: " + rng.errors(original)); continue; }
      try {
        T spec = parse.apply(original);
        String out = render.apply(spec);
        String d = XmlSame.diff(original, out);
        if (d != null) { failures.add(name + ": round trip: " + d); continue; }
        if (rng.errors(out) != null) { failures.add(name + ": render fails the schema: " + rng.errors(out)); continue; }
        T again = parse.apply(out);
        if (!again.equals(spec) || !render.apply(again).equals(out)) { failures.add(name + ": second pass differs"); continue; }
        if (!unmodeled.apply(spec).isEmpty()) failures.add(name + ": not fully typed: " + unmodeled.apply(spec));
      } catch (RuntimeException e) {
        failures.add(name + ": " + e);
      }
    }
    return failures;
  }

  @Test
  void networkInputsRoundTripSchemaValidAndFullyTyped() throws Exception {
    List<Path> files = inputs("inputs");
    assertThat(files).hasSizeGreaterThanOrEqualTo(20);
    assertThat(roundTrip(files, "network", NetworkSpec::fromXml, NetworkSpec::toXml, NetworkSpec::unmodeledPaths)).isEmpty();
  }

  @Test
  void networkPortInputsRoundTripSchemaValidAndFullyTyped() throws Exception {
    List<Path> files = inputs("port-inputs");
    assertThat(files).hasSizeGreaterThanOrEqualTo(4);
    assertThat(roundTrip(files, "networkport", NetworkPortSpec::fromXml, NetworkPortSpec::toXml, NetworkPortSpec::unmodeledPaths)).isEmpty();
  }

  @Test
  void libvirtDefinesEveryNetworkInputAndItsRenderingParsesFullyTyped() throws Exception {
    VirshNet.requireVirsh();
    String daemon = VirshNet.daemonOrNull();
    List<String> failures = new ArrayList<>();
    for (Path f : inputs("inputs")) {
      String name = f.getFileName().toString();
      NetworkSpec spec = NetworkSpec.fromXml(Files.readString(f));
      check(failures, name + " on test:///default", VirshNet.define(VirshNet.TEST, spec.name(), spec.toXml()));
      if (daemon != null && !HOST_DEPENDENT.contains(name)) {
        spec.validate();
        check(failures, name + " on libvirtd", VirshNet.define(daemon, spec.name(), spec.toXml()));
      }
    }
    assertThat(failures).isEmpty();
  }

  private static void check(List<String> failures, String what, VirshNet.Result r) {
    if (!r.ok()) { failures.add(what + ": " + r.out().strip()); return; }
    try {
      NetworkSpec back = NetworkSpec.fromXml(r.out());
      if (!back.unmodeledPaths().isEmpty()) failures.add(what + ": libvirt's XML not fully typed: " + back.unmodeledPaths());
      String d = XmlSame.diff(r.out(), back.toXml());
      if (d != null) failures.add(what + ": libvirt's XML does not round-trip: " + d);
    } catch (RuntimeException e) {
      failures.add(what + ": libvirt's XML does not parse: " + e.getMessage());
    }
  }
}
