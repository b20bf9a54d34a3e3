package io.kvmsdk.core.domain;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A domain job's progress from {@code virDomainGetJobStats}: the job's type and libvirt's typed
 * parameters ({@code VIR_DOMAIN_JOB_*}: {@code time_elapsed}, {@code data_remaining},
 * {@code memory_dirty_rate}, ...), with typed accessors for the ones a migration reports. What the
 * driver does not report is empty; {@link #raw()} keeps every parameter.
 */
public record DomainJobStats(String domainName, DomainJobType type, Map<String, Object> raw) {
  public DomainJobStats {
    java.util.Objects.requireNonNull(domainName, "domainName");
    java.util.Objects.requireNonNull(type, "type");
    raw = Collections.unmodifiableMap(new LinkedHashMap<>(raw));
  }

  /** The statistics of {@code type} from libvirt's typed parameters. */
  public static DomainJobStats of(String domainName, DomainJobType type, Map<String, Object> params) {
    return new DomainJobStats(domainName, type, params);
  }

  /** No job: what {@code virDomainGetJobStats} reports for an idle domain. */
  public static DomainJobStats none(String domainName) { return new DomainJobStats(domainName, DomainJobType.NONE, Map.of()); }

  /** True while the job runs. */
  public boolean isActive() { return type.isActive(); }

  /** What the job does ({@code operation}); UNKNOWN when not reported. */
  public DomainJobOperation operation() {
    OptionalLong v = num("operation");
    return v.isPresent() ? DomainJobOperation.of((int) v.getAsLong()) : DomainJobOperation.UNKNOWN;
  }

  /** {@code time_elapsed}: since the job started. */
  public Optional<Duration> timeElapsed() { return millis("time_elapsed"); }

  /** {@code time_remaining}: a bounded job's estimate. */
  public Optional<Duration> timeRemaining() { return millis("time_remaining"); }

  /** {@code downtime}: the expected downtime of a running migration, the measured one of a completed migration. */
  public Optional<Duration> downtime() { return millis("downtime"); }

  /** {@code setup_time}. */
  public Optional<Duration> setupTime() { return millis("setup_time"); }

  /** {@code data_total}: bytes the job has to move in all (memory and disks). */
  public OptionalLong dataTotal() { return num("data_total"); }

  /** {@code data_processed}: bytes moved so far. */
  public OptionalLong dataProcessed() { return num("data_processed"); }

  /** {@code data_remaining}: bytes still to move (in the current pass of a migration). */
  public OptionalLong dataRemaining() { return num("data_remaining"); }

  /** {@code memory_total}. */
  public OptionalLong memoryTotal() { return num("memory_total"); }

  /** {@code memory_processed}. */
  public OptionalLong memoryProcessed() { return num("memory_processed"); }

  /** {@code memory_remaining}. */
  public OptionalLong memoryRemaining() { return num("memory_remaining"); }

  /** {@code memory_bps}: the memory transfer rate, bytes per second. */
  public OptionalLong memoryBps() { return num("memory_bps"); }

  /** {@code memory_dirty_rate}: pages per second the guest dirties (a migration reports it from its second pass on). */
  public OptionalLong memoryDirtyRate() { return num("memory_dirty_rate"); }

  /** {@code memory_page_size}, bytes. */
  public OptionalLong memoryPageSize() { return num("memory_page_size"); }

  /** {@code memory_iteration}: the migration's pass over memory, from 1. */
  public OptionalLong memoryIteration() { return num("memory_iteration"); }

  /** {@code memory_postcopy_requests}: pages the destination asked for in post-copy. */
  public OptionalLong memoryPostcopyRequests() { return num("memory_postcopy_requests"); }

  /** {@code auto_converge_throttle}: the percentage the guest's vCPUs are slowed by (auto-converge). */
  public OptionalInt autoConvergeThrottle() {
    OptionalLong v = num("auto_converge_throttle");
    return v.isPresent() ? OptionalInt.of((int) v.getAsLong()) : OptionalInt.empty();
  }

  /** {@code errmsg}: why a failed job failed, when libvirt says. */
  public Optional<String> errorMessage() { return Optional.ofNullable(raw.get("errmsg")).map(Object::toString); }

  /** One raw value by libvirt's key, if reported. */
  public Optional<Object> get(String key) { return Optional.ofNullable(raw.get(key)); }

  private OptionalLong num(String key) {
    Object v = raw.get(key);
    return v instanceof Number n ? OptionalLong.of(n.longValue()) : OptionalLong.empty();
  }

  private Optional<Duration> millis(String key) {
    OptionalLong v = num(key);
    return v.isPresent() ? Optional.of(Duration.ofMillis(v.getAsLong())) : Optional.empty();
  }

  @Override public String toString() {
    if (type == DomainJobType.NONE) return "DomainJobStats[" + domainName + " NONE]";
    return "DomainJobStats[" + domainName + " " + type + " " + operation() + " elapsed=" + timeElapsed().map(Duration::toMillis).orElse(-1L)
        + "ms remaining=" + dataRemaining().orElse(-1) + "B of " + dataTotal().orElse(-1) + "B iteration=" + memoryIteration().orElse(-1)
        + " downtime=" + downtime().map(Duration::toMillis).orElse(-1L) + "ms]";
  }
}
