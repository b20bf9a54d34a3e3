// JShell session with kvm-sdk, from the project root (see README):
//   ./mvnw -q -DskipTests package
//   jshell --class-path "$(cat samples/target/classpath.txt):samples/target/classes" samples/kvm.jsh
// Use Kvm.connect("fake:///default") for the testkit's fake hypervisor (no libvirt needed).
// (runtime class path: kvm-sdk-core, jackson-dataformat-xml, slf4j-api, libvirt-java 0.5.4, JNA;
//  without libvirt-java/JNA/libvirt0, Kvm.connect says which one is missing)
import io.kvmsdk.core.*;
import io.kvmsdk.core.domain.*;
import io.kvmsdk.core.secret.*;
import io.kvmsdk.core.network.*;
import io.kvmsdk.core.storage.*;
import io.kvmsdk.core.nwfilter.*;
import io.kvmsdk.core.host.*;
import io.kvmsdk.core.capabilities.*;
import java.time.Duration;

var kvm = Kvm.connect("test:///default");
System.out.println(kvm + " domains: " + kvm.domains().list() + " networks: " + kvm.networks().list() + " pools: " + kvm.pools().list());
// try: var d = kvm.domains().get("test"); d.suspend(); d.state(); d.resume(); d.spec().toXml(); d.stats();
//      var n = kvm.networks().get("default"); n.spec(); n.isActive();
//      var p = kvm.pools().get("default-pool"); p.volumes().list(); p.liveSpec().toXml();
