// JShell session with kvm-sdk, from the project root:
//   ./mvnw -q -pl kvm-sdk-core -am compile
//   ./mvnw -q -pl kvm-sdk-core dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=target/cp.txt
//   jshell --class-path "kvm-sdk-core/target/classes:$(cat kvm-sdk-core/target/cp.txt)" samples/kvm.jsh
// (runtime class path: kvm-sdk-core, jackson-dataformat-xml, slf4j-api, libvirt-java 0.5.4, JNA;
//  without libvirt-java/JNA/libvirt0, Kvm.connect says which one is missing)
import io.kvmsdk.core.*;
import io.kvmsdk.core.domain.*;
import io.kvmsdk.core.secret.*;
import java.time.Duration;

var kvm = Kvm.connect("test:///default");
System.out.println(kvm + " domains: " + kvm.domains().list());
// try: var d = kvm.domains().get("test"); d.suspend(); d.state(); d.resume(); d.spec().toXml(); d.stats();
