package io.kvmsdk.core.domain;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <cputune>}: CPU pinning, shares, bandwidth and scheduling of the guest's threads. */
@Value.Immutable
public abstract class CpuTune {
  /** The {@code <shares>} child. */
  public abstract Optional<Long> shares();
  /** The {@code <global_period>} child. */
  public abstract Optional<Long> globalPeriod();
  /** The {@code <global_quota>} child. */
  public abstract Optional<Long> globalQuota();
  /** The {@code <period>} child. */
  public abstract Optional<Long> period();
  /** The {@code <quota>} child. */
  public abstract Optional<Long> quota();
  /** The {@code <emulator_period>} child. */
  public abstract Optional<Long> emulatorPeriod();
  /** The {@code <emulator_quota>} child. */
  public abstract Optional<Long> emulatorQuota();
  /** The {@code <iothread_period>} child. */
  public abstract Optional<Long> iothreadPeriod();
  /** The {@code <iothread_quota>} child. */
  public abstract Optional<Long> iothreadQuota();
  /** The {@code <vcpupin>} children, in order. */
  public abstract List<CpuTuneVcpuPin> vcpupins();
  /** The {@code cpuset} of {@code <emulatorpin>}: host CPUs for the emulator threads. */
  public abstract Optional<String> emulatorpin();
  /** The {@code <iothreadpin>} children, in order. */
  public abstract List<CpuTuneIoThreadPin> iothreadpins();
  /** The {@code <emulatorsched>} child. */
  public abstract Optional<CpuTuneSched> emulatorsched();
  /** The {@code <vcpusched>} children, in order. */
  public abstract List<CpuTuneSched> vcpuscheds();
  /** The {@code <iothreadsched>} children, in order. */
  public abstract List<CpuTuneSched> iothreadscheds();
  /** The {@code <cachetune>} children, in order. */
  public abstract List<CpuTuneCacheTune> cachetunes();
  /** The {@code <memorytune>} children, in order. */
  public abstract List<CpuTuneMemoryTune> memorytunes();

  /** What this element carried that no typed field covers yet, kept verbatim. */
  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  public static Builder builder() { return new Builder(); }

  /** Each vCPU {@code i} pinned to host CPU {@code hostCpus[i]}, one to one. */
  public static CpuTune pinned(int... hostCpus) {
    Builder b = builder();
    for (int i = 0; i < hostCpus.length; i++) b.addVcpupin(CpuTuneVcpuPin.of(i, Integer.toString(hostCpus[i])));
    return b.build();
  }

  /** A copy with vCPU {@code vcpu} pinned to {@code cpuset}. */
  public CpuTune withVcpuPin(int vcpu, String cpuset) { return copy(b -> b.addVcpupin(CpuTuneVcpuPin.of(vcpu, cpuset))); }

  @Value.Check protected void check() {
    CpuSet.check("emulatorpin/@cpuset", emulatorpin());
    if (shares().isPresent() && shares().get() != 0 && (shares().get() < 2 || shares().get() > 262144)) {
      throw new InvalidSpecException("shares", "must be between 2 and 262144, got " + shares().get());
    }
    period("period", period());
    period("global_period", globalPeriod());
    period("emulator_period", emulatorPeriod());
    period("iothread_period", iothreadPeriod());
    quota("quota", quota());
    quota("global_quota", globalQuota());
    quota("emulator_quota", emulatorQuota());
    quota("iothread_quota", iothreadQuota());
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    for (int i = 0; i < vcpupins().size(); i++) {
      Optional<Integer> v = vcpupins().get(i).vcpu();
      if (v.isPresent() && !seen.add(v.get())) {
        throw new InvalidSpecException("vcpupin[" + (i + 1) + "]/@vcpu", "must be pinned once, got vCPU " + v.get() + " twice");
      }
    }
  }

  /**
   * The rules that need the domain's maximum vCPU count (from {@code <vcpu>}): every scheduled
   * vCPU must exist. (libvirt 9.0 ignores, with a warning, a {@code <vcpupin>} of a missing vCPU,
   * so that is not a rule.) For {@code DomainRules}; paths are absolute.
   */
  void checkVcpuCount(int maxVcpus) {
    for (int i = 0; i < vcpuscheds().size(); i++) {
      Optional<String> v = vcpuscheds().get(i).vcpus();
      if (v.isPresent() && CpuSet.parse(v.get()).length() > maxVcpus) {
        throw new InvalidSpecException("domain/cputune/vcpusched[" + (i + 1) + "]/@vcpus",
            "must name vCPUs below the vCPU count " + maxVcpus + ", got '" + v.get() + "'");
      }
    }
  }

  private static void period(String field, Optional<Long> v) {
    if (v.isPresent() && v.get() != 0 && (v.get() < 1000 || v.get() > 1000000)) {
      throw new InvalidSpecException(field, "must be between 1000 and 1000000 microseconds, got " + v.get());
    }
  }

  private static void quota(String field, Optional<Long> v) {
    if (v.isPresent() && v.get() > 0 && (v.get() < 1000 || v.get() > 17592186044415L)) {
      throw new InvalidSpecException(field, "must be negative (unlimited) or between 1000 and 17592186044415 microseconds, got " + v.get());
    }
  }

  /** Derives a changed copy. */
  public CpuTune copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  /** Builds a {@link CpuTune}. */
  public static class Builder extends ImmutableCpuTune.Builder {}
}
