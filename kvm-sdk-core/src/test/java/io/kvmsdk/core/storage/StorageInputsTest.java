package io.kvmsdk.core.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.testing.RelaxNg;
import io.kvmsdk.core.testing.XmlSame;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Input-style pool and volume documents (as users and libvirt's xml2xmlin tests write them: sizes
 * with units or none, names omitted, legacy adapters, namespaces, forms libvirt normalises away) that
 * exercise every schema feature the output corpus does not: each round-trips equal under XmlSame,
 * renders schema-valid, parses back equal, and is fully typed; each pool is accepted by
 * {@code virsh -c test:///default pool-define}.
 */
class StorageInputsTest {
  static List<Path> inputs(String kind) throws IOException, URISyntaxException {
    Path dir = Path.of(StorageInputsTest.class.getResource("inputs/" + kind).toURI());
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
    }
  }

  static <T> Map<String, List<String>> roundTrip(String kind, String schema, Function<String, T> parse, Function<T, String> render,
      Function<T, List<String>> unmodeled) throws Exception {
    RelaxNg rng = RelaxNg.of(schema);
    List<String> failures = new ArrayList<>();
    Map<String, List<String>> kept = new TreeMap<>();
    List<Path> files = inputs(kind);
    for (Path f : files) {
      String in = Files.readString(f);
      String name = f.getFileName().toString();
      assertThat(rng.errors(in)).as(name + " is a valid input").isNull();
      T spec = parse.apply(in);
      String out = render.apply(spec);
      String d = XmlSame.diff(in, out);
      if (d != null) failures.add(name + ": " + d);
      String err = rng.errors(out);
      if (err != null) failures.add(name + ": rendered XML fails the schema: " + err);
      T again = parse.apply(out);
      if (!again.equals(spec)) failures.add(name + ": second parse differs");
      if (!render.apply(again).equals(out)) failures.add(name + ": second render differs");
      kept.put(name, unmodeled.apply(spec));
    }
    assertThat(failures).isEmpty();
    assertThat(files).hasSizeGreaterThan(5);
    return kept;
  }

  @Test
  void poolInputsRoundTripFullyTypedAndSchemaValid() throws Exception {
    Map<String, List<String>> kept = roundTrip("pool", "storagepool", StoragePoolSpec::fromXml, StoragePoolSpec::toXml, StoragePoolSpec::unmodeledPaths);
    assertThat(kept).allSatisfy((f, paths) -> assertThat(paths).as(f).isEmpty());
  }

  @Test
  void volumeInputsRoundTripFullyTypedAndSchemaValid() throws Exception {
    Map<String, List<String>> kept = roundTrip("vol", "storagevol", StorageVolumeSpec::fromXml, StorageVolumeSpec::toXml, StorageVolumeSpec::unmodeledPaths);
    assertThat(kept).allSatisfy((f, paths) -> assertThat(paths).as(f).isEmpty());
  }

  @Test
  void unitsStayAsWrittenAndNoneIsAdded() {
    StorageVolumeSpec v = StorageVolumeSpec.fromXml("<volume><name>a</name><capacity unit='G'>5</capacity><allocation>0</allocation></volume>");
    assertThat(v.capacity().get().unit()).isEqualTo("G");
    assertThat(v.capacity().get().bytes()).isEqualTo(5L << 30);
    assertThat(v.allocation().get().unitWritten()).isFalse();
    assertThat(v.toXml()).contains("<capacity unit='G'>5</capacity>").contains("<allocation>0</allocation>");
  }

  @Test
  void aPoolWithoutNameIsNamedAfterItsSourceAndRendersWithoutName() {
    StoragePoolSpec p = StoragePoolSpec.fromXml("<pool type='logical'><source><name>vg0</name></source><target/></pool>");
    assertThat(p.name()).isEqualTo("vg0");
    assertThat(p.isNameWritten()).isFalse();
    assertThat(p.toXml()).startsWith("<pool type='logical'>\n  <source>\n    <name>vg0</name>");
    assertThat(XmlSame.diff("<pool type='logical'><source><name>vg0</name></source><target/></pool>", p.toXml())).isNull();
  }

  @Test
  void severalInitiatorIqnsStayTypedAndLibvirtUsesTheFirst() {
    String xml = "<pool type='iscsi'><name>multiiqn</name><source><host name='iscsi.example.com'/><device path='demo-target'/>"
        + "<initiator><iqn name='initiator0'/><iqn name='initiator1'/><iqn name='initiator2'/></initiator></source>"
        + "<target><path>/dev/disk/by-path</path></target></pool>";
    StoragePoolSpec p = StoragePoolSpec.fromXml(xml);
    assertThat(p.unmodeledPaths()).isEmpty();
    assertThat(p.source().get().initiator().get().iqns()).containsExactly("initiator0", "initiator1", "initiator2");
    assertThat(p.source().get().initiatorIqn()).contains("initiator0");
    assertThat(XmlSame.diff(xml, p.toXml())).isNull();
    Virsh.require();
    Virsh.Result r = Virsh.run(Virsh.TEST, "pool-define " + StorageBuildersTest.tmp(xml) + "; pool-dumpxml multiiqn");
    assertThat(r.out()).contains("<iqn name='initiator0'/>").doesNotContain("initiator1");
  }

  @Test
  void libvirtsTestDriverDefinesEveryPoolInputAndItsRender() throws Exception {
    Virsh.require();
    for (Path f : inputs("pool")) {
      String in = Files.readString(f);
      assertThat(Virsh.poolDefine(Virsh.TEST, in, "").out()).as(f.getFileName() + " as written").doesNotContain("error");
      Virsh.Result r = Virsh.poolDefine(Virsh.TEST, StoragePoolSpec.fromXml(in).toXml(), "");
      assertThat(r.ok()).as(f.getFileName() + " rendered: " + r.out()).isTrue();
    }
  }
}
