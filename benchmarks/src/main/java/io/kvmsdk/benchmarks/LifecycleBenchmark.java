package io.kvmsdk.benchmarks;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.Size;
import io.kvmsdk.core.domain.Domain;
import io.kvmsdk.core.domain.DomainSpec;
import io.kvmsdk.core.domain.Os;
import java.util.concurrent.TimeUnit;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One lifecycle round (define, start, suspend, resume, destroy, undefine) on libvirt's
 * {@code test:///default}: through the SDK versus the same calls on raw libvirt-java.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LifecycleBenchmark {
  Kvm kvm;
  Connect raw;
  DomainSpec spec;
  String xml;

  @Setup
  public void setup() throws LibvirtException {
    kvm = Kvm.connect("test:///default");
    raw = new Connect("test:///default", false);
    spec = DomainSpec.builder().type("test").name("bench").memory(Size.mib(64)).os(Os.hvm()).build();
    xml = spec.toXml();
  }

  @TearDown
  public void tearDown() throws LibvirtException {
    kvm.close();
    raw.close();
  }

  @Benchmark
  public void sdk() {
    Domain d = kvm.domains().define(spec);
    d.start();
    d.suspend();
    d.resume();
    d.destroy();
    d.undefine();
  }

  @Benchmark
  public void rawLibvirtJava() throws LibvirtException {
    org.libvirt.Domain d = raw.domainDefineXML(xml);
    d.create();
    d.suspend();
    d.resume();
    d.destroy();
    d.undefine();
    d.free();
  }
}
