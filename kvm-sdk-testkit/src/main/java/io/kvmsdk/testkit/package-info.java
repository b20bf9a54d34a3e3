/**
 * Test doubles for the SDK's ports, so automation built on kvm-sdk can be unit-tested in
 * milliseconds without libvirt, root or native code: {@link io.kvmsdk.testkit.FakeClock},
 * {@link io.kvmsdk.testkit.FakeHost} (a {@link io.kvmsdk.core.host.CommandRunner} that interprets
 * {@code ip}, {@code bridge} and {@code sysctl} into a simulated host), {@link io.kvmsdk.testkit.Fault}
 * injection, and the JUnit 5 extension {@link io.kvmsdk.testkit.EnableFakeKvm}.
 */
package io.kvmsdk.testkit;
