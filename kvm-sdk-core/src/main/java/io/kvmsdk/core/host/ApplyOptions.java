package io.kvmsdk.core.host;

import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How {@link Plan#apply(CommandRunner, ApplyOptions)} runs: for real or as a dry run (nothing runs;
 * the result carries the script), whether to roll back on failure (default yes), who hears about
 * progress, and the SLF4J logger that gets one DEBUG line per command (default {@code io.kvmsdk.core.host.Plan}).
 */
public final class ApplyOptions {
  private static final ApplyOptions DEFAULTS = builder().build();

  private final boolean dryRun;
  private final boolean rollback;
  private final PlanListener listener;
  private final Logger logger;

  private ApplyOptions(Builder b) {
    this.dryRun = b.dryRun;
    this.rollback = b.rollback;
    this.listener = b.listener;
    this.logger = b.logger;
  }

  /** Apply for real, roll back on failure, no listener. */
  public static ApplyOptions defaults() { return DEFAULTS; }

  /** Run nothing; the {@link PlanResult} carries the script that would run. */
  public static ApplyOptions dryRun() { return builder().dryRun(true).build(); }

  public static Builder builder() { return new Builder(); }

  /** A copy changed by {@code change}. */
  public ApplyOptions copy(Consumer<Builder> change) {
    Builder b = new Builder().dryRun(dryRun).rollback(rollback).listener(listener).logger(logger);
    change.accept(b);
    return b.build();
  }

  public boolean isDryRun() { return dryRun; }

  public boolean rollback() { return rollback; }

  public PlanListener listener() { return listener; }

  public Logger logger() { return logger; }

  @Override public String toString() {
    return "ApplyOptions[dryRun=" + dryRun + ", rollback=" + rollback + ", logger=" + logger.getName() + "]";
  }

  /** Builds {@link ApplyOptions}. */
  public static final class Builder {
    private boolean dryRun;
    private boolean rollback = true;
    private PlanListener listener = PlanListener.NONE;
    private Logger logger = LoggerFactory.getLogger(Plan.class);

    private Builder() {}

    /** Run nothing, only render the script. */
    public Builder dryRun(boolean dryRun) { this.dryRun = dryRun; return this; }

    /** Whether to undo the applied steps when a step fails (default true). */
    public Builder rollback(boolean rollback) { this.rollback = rollback; return this; }

    /** Who hears about progress. */
    public Builder listener(PlanListener listener) { this.listener = Objects.requireNonNull(listener, "listener"); return this; }

    /** The logger for the per-command DEBUG lines. */
    public Builder logger(Logger logger) { this.logger = Objects.requireNonNull(logger, "logger"); return this; }

    public ApplyOptions build() { return new ApplyOptions(this); }
  }
}
