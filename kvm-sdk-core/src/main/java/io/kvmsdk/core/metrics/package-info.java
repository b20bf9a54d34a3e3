/**
 * Observability: {@link io.kvmsdk.core.metrics.KvmMetrics} publishes a connection's host and guest
 * statistics and lifecycle events as Micrometer meters (Micrometer is an optional dependency, needed
 * only by that class), and {@link io.kvmsdk.core.metrics.AlertRules} renders Prometheus alerting rules
 * on those metrics from types ({@link io.kvmsdk.core.metrics.KvmAlerts}).
 *
 * <p>Belongs here: turning what the port reports into metrics and alerts. Not here: exporters for
 * feature modules' engines (the HA module writes its own rules on its own metrics).
 */
package io.kvmsdk.core.metrics;
