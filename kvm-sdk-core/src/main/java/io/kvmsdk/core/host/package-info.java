/**
 * Host commands and plans: {@link io.kvmsdk.core.host.HostCommand} (an argv list, never a shell
 * string), {@link io.kvmsdk.core.host.Plan} (idempotent, reversible steps with a dry-run script),
 * and the {@link io.kvmsdk.core.host.CommandRunner} port with its local and ssh implementations.
 */
package io.kvmsdk.core.host;
