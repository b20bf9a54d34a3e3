package io.kvmsdk.core.host;

import static io.kvmsdk.core.host.HostTesting.ADVERSARIAL;
import static io.kvmsdk.core.host.HostTesting.nulJoined;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.KvmTimeoutException;
import io.kvmsdk.core.host.SshCommandRunner.StrictHostKeyChecking;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshCommandRunnerTest {
  @TempDir Path dir;

  @Test
  void buildsTheExactSshArgv() {
    SshCommandRunner ssh = SshCommandRunner.builder("hv1.example.org").user("root").port(2222)
        .identityFile(Path.of("/keys/id_ed25519")).strictHostKeyChecking(StrictHostKeyChecking.ACCEPT_NEW).build();
    HostCommand local = ssh.sshCommand(HostCommand.of("ip", "link", "add", "my br", "type", "bridge"));
    assertThat(local.argv()).containsExactly("ssh", "-o", "BatchMode=yes", "-p", "2222", "-i", "/keys/id_ed25519",
        "-o", "StrictHostKeyChecking=accept-new", "root@hv1.example.org", "--", "ip link add 'my br' type bridge");
    assertThat(ssh.host()).isEqualTo("root@hv1.example.org");
  }

  @Test
  void minimalArgvAndAllOptions() {
    assertThat(SshCommandRunner.builder("10.0.0.5").build().sshCommand(HostCommand.of("true")).argv())
        .containsExactly("ssh", "-o", "BatchMode=yes", "10.0.0.5", "--", "true");
    SshCommandRunner all = SshCommandRunner.builder("hv2").connectTimeout(Duration.ofSeconds(7))
        .knownHostsFile(Path.of("/tmp/kh")).option("ServerAliveInterval", "15").sshProgram("/usr/bin/ssh").build();
    assertThat(all.sshCommand(HostCommand.of("true")).argv()).containsExactly("/usr/bin/ssh", "-o", "BatchMode=yes",
        "-o", "ConnectTimeout=7", "-o", "UserKnownHostsFile=/tmp/kh", "-o", "ServerAliveInterval=15", "hv2", "--", "true");
  }

  @Test
  void remoteCommandCarriesSudoEnvTimeoutAndStdin() {
    SshCommandRunner ssh = SshCommandRunner.builder("hv1").build();
    HostCommand remote = HostCommand.builder().args("virsh", "define", "/dev/stdin").env("LANG", "C")
        .sudo().stdin("<domain/>").timeout(Duration.ofSeconds(5)).build();
    HostCommand local = ssh.sshCommand(remote);
    assertThat(local.argv().get(local.argv().size() - 1)).isEqualTo("sudo -n -- env 'LANG=C' virsh define /dev/stdin");
    assertThat(local.timeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(local.stdin()).hasValueSatisfying(b -> assertThat(new String(b)).isEqualTo("<domain/>"));
  }

  @Test
  void secretsTravelInsideTheRemoteCommandButShowMasked() {
    SshCommandRunner ssh = SshCommandRunner.builder("hv1").build();
    HostCommand local = ssh.sshCommand(HostCommand.builder().args("tgtadm", "--password").secretArg("pa ss'wd").build());
    assertThat(local.argv().get(local.argv().size() - 1)).isEqualTo("tgtadm --password 'pa ss'\\''wd'");
    assertThat(local.maskedArgv().get(local.argv().size() - 1)).isEqualTo("tgtadm --password ****");
    assertThat(local.toString()).doesNotContain("pa ss").endsWith("-- tgtadm --password ****");
  }

  @Test
  void refusesHostsAndUsersThatSshWouldReadAsOptions() {
    assertThatThrownBy(() -> SshCommandRunner.builder("-oProxyCommand=touch pwned"))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("host"));
    assertThatThrownBy(() -> SshCommandRunner.builder("hv1").user("-oProxyCommand=x"))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.field()).isEqualTo("user"));
    assertThatThrownBy(() -> SshCommandRunner.builder("hv1").user("a@b")).isInstanceOf(InvalidSpecException.class);
    assertThatThrownBy(() -> SshCommandRunner.builder("hv1").port(0)).isInstanceOf(InvalidSpecException.class);
    assertThatThrownBy(() -> SshCommandRunner.builder("hv1").option("Proxy Command", "x")).isInstanceOf(InvalidSpecException.class);
  }

  /**
   * A stand-in for the OpenSSH client and server at the port: it skips the client options up to
   * {@code --} and, as sshd does, hands the one command string to a POSIX shell with {@code sh -c}.
   */
  private SshCommandRunner fakeSsh() throws Exception {
    Path fake = dir.resolve("fake-ssh");
    Files.writeString(fake, "#!/bin/sh\n"
        + "while [ \"$#\" -gt 0 ]; do if [ \"$1\" = \"--\" ]; then shift; break; fi; shift; done\n"
        + "cd \"$(dirname \"$0\")\"\n"
        + "exec sh -c \"$1\"\n");
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
    return SshCommandRunner.builder("hv1").user("root").sshProgram(fake.toString()).build();
  }

  @Test
  void throughARemoteShellTheArgvArrivesExactly() throws Exception {
    SshCommandRunner ssh = fakeSsh();
    Files.writeString(dir.resolve("bait"), "");
    CommandResult r = ssh.run(HostCommand.builder().args("printf", "%s\\0").args(ADVERSARIAL).build());
    assertThat(r.exitCode()).isZero();
    assertThat(HostTesting.splitNul(r.stdoutBytes())).isEqualTo(ADVERSARIAL);
    assertThat(r.stdoutBytes()).isEqualTo(nulJoined(ADVERSARIAL));
    assertThat(r.host()).isEqualTo("root@hv1");
    assertThat(r.command().argv().get(0)).isEqualTo("printf");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("fake-ssh", "bait");
    }
  }

  @Test
  void stdinExitCodeAndSecretsGoThrough() throws Exception {
    SshCommandRunner ssh = fakeSsh();
    assertThat(ssh.run(HostCommand.builder().arg("cat").stdin("line 1\n'line 2'\n").build()).stdout()).isEqualTo("line 1\n'line 2'\n");
    assertThat(ssh.run(HostCommand.of("sh", "-c", "exit 3")).exitCode()).isEqualTo(3);
    assertThat(ssh.run(HostCommand.builder().args("printf", "%s").secretArg("it's $(secret)").build()).stdout()).isEqualTo("it's $(secret)");
    assertThat(ssh.run(HostCommand.builder().args("printenv", "A").env("A", "x y").build()).stdout()).isEqualTo("x y\n");
  }

  @Test
  void timeoutNamesTheRemoteCommand() throws Exception {
    SshCommandRunner ssh = fakeSsh();
    assertThatThrownBy(() -> ssh.run(HostCommand.of("sleep", "30").withTimeout(Duration.ofMillis(300))))
        .isInstanceOf(KvmTimeoutException.class)
        .hasMessage("command `sleep 30` on root@hv1 (over ssh) did not finish within PT0.3S");
  }

  @Test
  void sshsOwnExit255IsALostConnectionAndRetryable() throws Exception {
    SshCommandRunner ssh = fakeSsh();
    CommandResult lost = ssh.run(HostCommand.of("sh", "-c", "echo 'Connection to hv1 closed by remote host.' >&2; exit 255"));
    assertThat(lost.exitCode()).isEqualTo(255);
    assertThat(lost.connectionLost()).isTrue();
    assertThat(lost.toException().retryable()).isTrue();
    assertThat(lost.toException()).hasMessageContaining("connection to the host lost");
    assertThat(lost.toString()).contains("-> exit 255 in ").contains(", connection lost, stderr: Connection to hv1 closed by remote host.");
    CommandResult refused = ssh.run(HostCommand.of("sh", "-c", "exit 3"));
    assertThat(refused.connectionLost()).isFalse();
    assertThat(refused.toException().retryable()).isFalse();
    // ssh refused for good (authentication): exit 255 too, but a retry would be refused the same way
    CommandResult denied = ssh.run(HostCommand.of("sh", "-c", "echo 'root@hv1: Permission denied (publickey).' >&2; exit 255"));
    assertThat(denied.connectionLost()).isFalse();
    assertThat(denied.toException().retryable()).isFalse();
  }

  @Test
  void aLostConnectionResultKeepsEverythingElse() {
    CommandResult r = CommandResult.of(HostCommand.of("true"), "hv1", 255, "out", "err");
    CommandResult lost = r.withConnectionLost();
    assertThat(r.connectionLost()).isFalse();
    assertThat(lost.connectionLost()).isTrue();
    assertThat(lost.exitCode()).isEqualTo(255);
    assertThat(lost.stdout()).isEqualTo("out");
    assertThat(lost.stderr()).isEqualTo("err");
    assertThatThrownBy(() -> CommandResult.of(HostCommand.of("true"), "hv1", 0, "", "").withConnectionLost())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aMissingSshClientIsReported() {
    SshCommandRunner ssh = SshCommandRunner.builder("hv1").sshProgram("/nonexistent/ssh").build();
    assertThatThrownBy(() -> ssh.run(HostCommand.of("true")))
        .isInstanceOf(io.kvmsdk.core.CommandFailedException.class).hasMessageContaining("/nonexistent/ssh");
  }

  @Test
  void realSshClientRefusesAnUnreachableHostInBatchMode() {
    io.kvmsdk.core.testing.Oracles.require(HostTesting.onPath("ssh"), "the OpenSSH client `ssh` is not on the PATH");
    // port 9 on 127.0.0.1: nothing listens, so the real client fails fast with its own exit code 255
    SshCommandRunner ssh = SshCommandRunner.builder("127.0.0.1").port(9).connectTimeout(Duration.ofSeconds(2))
        .strictHostKeyChecking(StrictHostKeyChecking.NO).knownHostsFile(Path.of("/dev/null")).build();
    CommandResult r = ssh.run(HostCommand.of("true").withTimeout(Duration.ofSeconds(20)));
    assertThat(r.exitCode()).isEqualTo(255);
    assertThat(r.connectionLost()).isTrue();
    assertThat(r.toException().retryable()).isTrue();
    assertThat(r.stderr()).containsIgnoringCase("connect");
    assertThat(r.host()).isEqualTo("127.0.0.1");
  }
}
