/**
 * Fake interpreters of this module's host tools for the testkit's {@code FakeHost} (the testkit is an
 * optional dependency of this module), found on the class path through
 * {@code META-INF/services/io.kvmsdk.testkit.host.FakeTool}: {@link io.kvmsdk.network.fake.OvsVsctl}
 * ({@code ovs-vsctl} over an in-memory OVSDB), {@link io.kvmsdk.network.fake.Nft} (nftables 1.0.6),
 * {@link io.kvmsdk.network.fake.Ethtool} (ethtool 6.1, offloads) and
 * {@link io.kvmsdk.network.fake.Sha256sum} (coreutils, which the nft plans' checks pipe into). Each is
 * proven against the real tool by the module's contract tests.
 */
package io.kvmsdk.network.fake;
