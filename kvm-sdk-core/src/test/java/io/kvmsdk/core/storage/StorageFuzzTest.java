package io.kvmsdk.core.storage;

import io.kvmsdk.core.testing.Fuzz;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link StoragePoolSpec#fromXml} and {@link StorageVolumeSpec#fromXml} under {@link Fuzz}: a typed refusal or a stable re-render. */
class StorageFuzzTest {
  static final String POOL = """
      <pool type='rbd'>
        <name>ceph</name>
        <uuid>47c1faee-0207-e741-f5ae-d9b019b98fe2</uuid>
        <capacity unit='bytes'>0</capacity>
        <source>
          <name>rbd</name>
          <host name='mon1.example.org' port='6789'/>
          <host name='mon2.example.org'/>
          <auth type='ceph' username='admin'><secret uuid='2ec115d7-3a88-3ceb-bc12-0ac909a6fd87'/></auth>
        </source>
      </pool>
      """;

  static final String DIR_POOL = """
      <pool type='dir'>
        <name>images</name>
        <target><path>/var/lib/libvirt/images</path><permissions><mode>0711</mode><owner>0</owner><group>0</group></permissions></target>
      </pool>
      """;

  static final String VOLUME = """
      <volume type='file'>
        <name>web1.qcow2</name>
        <capacity unit='G'>10</capacity>
        <allocation unit='bytes'>0</allocation>
        <target>
          <path>/var/lib/libvirt/images/web1.qcow2</path>
          <format type='qcow2'/>
          <permissions><mode>0600</mode><owner>107</owner><group>107</group></permissions>
          <compat>1.1</compat>
          <features><lazy_refcounts/></features>
        </target>
        <backingStore><path>/var/lib/libvirt/images/base.qcow2</path><format type='qcow2'/></backingStore>
      </volume>
      """;

  static List<String> seeds(String kind, String... inline) {
    List<String> out = new ArrayList<>(List.of(inline));
    out.addAll(Fuzz.corpus(kind));
    return out;
  }

  @Test void pools() {
    Fuzz.xml("pool", StoragePoolSpec::fromXml, StoragePoolSpec::toXml).seeds(seeds("storagepool", POOL, DIR_POOL))
        .words("dir", "fs", "netfs", "logical", "iscsi", "rbd", "bytes", "G", "0711", "ceph", "chap").cases(1500).run();
  }

  @Test void volumes() {
    Fuzz.xml("volume", StorageVolumeSpec::fromXml, StorageVolumeSpec::toXml).seeds(seeds("storagevol", VOLUME))
        .words("file", "block", "qcow2", "raw", "bytes", "KiB", "G", "1.1", "0600").cases(1500).run();
  }
}
