/**
 * Fake interpreters of the HA tools for the testkit's {@code FakeHost} (the testkit is an optional
 * dependency of this module): {@link io.kvmsdk.ha.fake.Drbdadm} and {@link io.kvmsdk.ha.fake.Keepalived}
 * (found on the class path), and the generic tools their plans use that a fake host lacks —
 * {@code pgrep}, {@code pkill} ({@link io.kvmsdk.ha.fake.ProcessTools}) — which a test adds itself
 * ({@link io.kvmsdk.ha.fake.HaFakes#host}); {@code install}, {@code cmp}, {@code mv} and {@code rm}
 * are every fake host's own.
 */
package io.kvmsdk.ha.fake;
