/**
 * Fakes of this module's host tools for the testkit's {@code FakeHost}: {@code ovs-vsctl} over an
 * in-memory OVSDB ({@link io.kvmsdk.network.fake.OvsVsctl}), registered in
 * {@code META-INF/services/io.kvmsdk.testkit.host.FakeTool}. Needs {@code kvm-sdk-testkit} (an
 * optional dependency of this module) on the class path.
 */
package io.kvmsdk.network.fake;
