/**
 * Prometheus alerting rules for the HA layer ({@link io.kvmsdk.ha.alerts.HaAlerts}), as core's
 * {@link io.kvmsdk.core.metrics.AlertRule}s, on the metrics an HA exporter publishes. Not here: the
 * exporter itself, nor rules on core's metrics ({@link io.kvmsdk.core.metrics.KvmAlerts}).
 */
package io.kvmsdk.ha.alerts;
