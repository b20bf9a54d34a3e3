/**
 * The service-provider interface of {@link io.kvmsdk.testkit.FakeHost}: one {@link
 * io.kvmsdk.testkit.host.FakeTool} per host tool reads that tool's argv and answers like it, against
 * the host's links, sysctls and files ({@link io.kvmsdk.testkit.host.FakeToolContext}) and its own
 * {@link io.kvmsdk.testkit.host.FakeToolState} (an OVSDB, an nft ruleset, tgtd's targets), which
 * the host's snapshots, rollback of failed commands, crashes and reboots cover.
 * {@link io.kvmsdk.testkit.host.Getopt} parses like glibc's {@code getopt_long} and words its
 * errors the same.
 *
 * <p>Where a tool goes: the testkit's own package holds the interpreters of the tools every host
 * has (ip, bridge, sysctl, cat, test, grep, sh, true, false); a feature module's tools go in its
 * {@code <package>.fake} package (e.g. {@code io.kvmsdk.network.fake}), listed in
 * {@code META-INF/services/io.kvmsdk.testkit.host.FakeTool}, with the testkit an optional
 * dependency of that module.
 */
package io.kvmsdk.testkit.host;
