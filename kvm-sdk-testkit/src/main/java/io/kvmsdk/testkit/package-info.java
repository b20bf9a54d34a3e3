/**
 * Test doubles for the SDK's ports, so automation built on kvm-sdk can be unit-tested in
 * milliseconds without libvirt, root or native code, and trusted because contract tests run the same
 * scenarios against the real tools:
 * <ul>
 * <li>{@link io.kvmsdk.testkit.FakeHypervisor}: the {@link io.kvmsdk.core.spi.Hypervisor} port with
 *     libvirt QEMU-driver semantics, one per host of a {@link io.kvmsdk.testkit.FakeCluster}, reached
 *     with {@code Kvm.connect("fake:///NAME")} ({@link io.kvmsdk.testkit.FakeHypervisorProvider});</li>
 * <li>{@link io.kvmsdk.testkit.FakeHost}: a {@link io.kvmsdk.core.host.CommandRunner} that reads each
 *     program through its own interpreter ({@code ip}, {@code bridge}, {@code sysctl}, ... built in; more
 *     from feature modules through the {@link io.kvmsdk.testkit.host.FakeTool} SPI) into a simulated host,
 *     with the real tools' exit codes and messages;</li>
 * <li>{@link io.kvmsdk.testkit.FakeClock}: time that moves only when the test advances it;</li>
 * <li>{@link io.kvmsdk.testkit.Fault}, {@link io.kvmsdk.testkit.FaultRule}, {@link io.kvmsdk.testkit.FaultMatcher}:
 *     injected failures, per host or per operation;</li>
 * <li>{@link io.kvmsdk.testkit.EnableFakeKvm}: a JUnit 5 extension giving each test a fresh fake world.</li>
 * </ul>
 */
package io.kvmsdk.testkit;
