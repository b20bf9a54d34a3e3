/**
 * Live migration with a policy: {@link io.kvmsdk.ha.migration.MigrationOptions} (libvirt's migration
 * flags and typed parameters, checked when built), {@link io.kvmsdk.ha.migration.MigrationPolicy}
 * (raise the maximum downtime step by step, switch to post-copy, abort at a deadline) and
 * {@link io.kvmsdk.ha.migration.LiveMigration}, which runs one migration through the core port
 * ({@code virDomainMigrate3}, job statistics, the steering calls) and reports its progress. Where
 * guests go is {@code io.kvmsdk.ha.placement}'s business, not this package's.
 */
@KvmStyle
package io.kvmsdk.ha.migration;

import io.kvmsdk.core.KvmStyle;
