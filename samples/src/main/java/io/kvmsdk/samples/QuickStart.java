package io.kvmsdk.samples;

import io.kvmsdk.core.Size;
import io.kvmsdk.core.domain.DomainSpec;

/** The README's quick-start: build a domain spec, render it, parse it back. */
public final class QuickStart {
  private QuickStart() {}

  public static void main(String[] args) {
    DomainSpec spec = DomainSpec.builder().type("kvm").name("quickstart").vcpus(2).memory(Size.mib(512)).build();
    System.out.println(spec.toXml());
    System.out.println("round trip equal: " + DomainSpec.fromXml(spec.toXml()).equals(spec));
  }
}
