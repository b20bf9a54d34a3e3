package io.kvmsdk.testkit.contract;

import static io.kvmsdk.testkit.contract.ContractCapability.QEMU_DRIVER;
import static io.kvmsdk.testkit.contract.ContractCapability.SECRETS;
import static io.kvmsdk.testkit.contract.ContractRun.check;
import static io.kvmsdk.testkit.contract.ContractRun.expectEqual;

import io.kvmsdk.core.secret.Secret;
import io.kvmsdk.core.secret.SecretSpec;
import java.util.List;

/** Secrets: one per usage, redefinition by UUID, values, undefine. */
final class SecretContractCases {
  private SecretContractCases() {}

  static List<ContractCase> all() {
    return List.of(
        ContractCase.of("secret", "a secret is defined, found by UUID and usage, and undefined once", SecretContractCases::lifecycle, SECRETS),
        ContractCase.of("secret", "a second secret for the same usage is refused", SecretContractCases::usageTaken, SECRETS, QEMU_DRIVER));
  }

  private static Secret define(ContractRun run, SecretSpec spec) {
    Secret s = run.kvm().secrets().define(spec);
    run.onClose(() -> run.kvm().secrets().find(s.uuid()).ifPresent(Secret::undefine));
    return s;
  }

  static void lifecycle(ContractRun run) {
    String usage = run.name("ceph");
    Secret s = define(run, SecretSpec.ceph(usage).build());
    expectEqual("find by UUID", s, run.kvm().secrets().get(s.uuid()));
    expectEqual("find by usage", s, run.kvm().secrets().get(usage));
    expectEqual("usage read back", usage, s.spec().usageName().orElse(null));
    Secret again = run.kvm().secrets().define(SecretSpec.ceph(usage).uuid(s.uuid()).description("again").build());
    expectEqual("redefine with the same UUID keeps it", s.uuid(), again.uuid());
    expectEqual("redefined description", "again", s.spec().description().orElse(null));
    s.setValue(new byte[] {1, 2, 3});
    check(run.kvm().secrets().list().contains(s), "list() must contain the secret");
    s.undefine();
    check(run.kvm().secrets().find(s.uuid()).isEmpty(), "an undefined secret is gone");
    run.expectNotFound("undefine it again", () -> s.undefine(), "secret", s.uuid());
    run.expectNotFound("set the value of an undefined secret", () -> s.setValue(new byte[] {9}), "secret", s.uuid());
  }

  static void usageTaken(ContractRun run) {
    String usage = run.name("taken");
    Secret s = define(run, SecretSpec.ceph(usage).build());
    run.expectRefused("define another secret for the same usage", () -> define(run, SecretSpec.ceph(usage).build()),
        "VIR_ERR_INTERNAL_ERROR", "internal error: a secret with UUID " + s.uuid() + " already defined for use with " + usage);
  }
}
