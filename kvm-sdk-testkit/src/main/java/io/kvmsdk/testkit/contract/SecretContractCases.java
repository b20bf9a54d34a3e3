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
        ContractCase.of("secret", "a second secret for the same usage is refused", SecretContractCases::usageTaken, SECRETS, QEMU_DRIVER),
        ContractCase.of("secret", "a secret reads back as libvirt formats it: both flags filled in", SecretContractCases::readBack, SECRETS),
        ContractCase.of("secret", "a redefinition may not change the usage key nor make a private secret public", SecretContractCases::redefine,
            SECRETS),
        ContractCase.of("secret", "libvirt's parser refuses an unknown usage type, a usage without its key and a malformed UUID",
            SecretContractCases::parserRefusals, SECRETS),
        ContractCase.of("secret", "an empty value is refused", SecretContractCases::emptyValue, SECRETS));
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

  static void readBack(ContractRun run) {
    String usage = run.name("plain");
    Secret s = define(run, SecretSpec.builder().usageType("ceph").usageName(usage).build());
    expectEqual("the XML libvirt formats", "<secret ephemeral='no' private='no'>\n  <uuid>" + s.uuid() + "</uuid>\n  <usage type='ceph'>\n"
        + "    <name>" + usage + "</name>\n  </usage>\n</secret>\n", run.kvm().hypervisor().secrets().xml(s.uuid()).orElse(null));
    expectEqual("ephemeral", java.util.Optional.of(false), s.spec().ephemeral());
    expectEqual("private", java.util.Optional.of(false), s.spec().private_());
    Secret none = define(run, SecretSpec.builder().description(run.name("no usage")).build());
    expectEqual("a secret of no usage", "<secret ephemeral='no' private='no'>\n  <uuid>" + none.uuid() + "</uuid>\n  <description>"
        + run.name("no usage") + "</description>\n</secret>\n", run.kvm().hypervisor().secrets().xml(none.uuid()).orElse(null));
  }

  static void redefine(ContractRun run) {
    String usage = run.name("kept");
    Secret s = define(run, SecretSpec.ceph(usage).build());   // private
    SecretSpec before = s.spec();
    run.expectRefused("redefine the UUID for another usage", () -> run.kvm().secrets().define(SecretSpec.ceph(run.name("other")).uuid(s.uuid()).build()),
        "VIR_ERR_INTERNAL_ERROR", "internal error: a secret with UUID " + s.uuid() + " is already defined for use with " + usage);
    run.expectRefused("make the private secret public", () -> run.kvm().secrets().define(SecretSpec.ceph(usage).uuid(s.uuid()).private_(false).build()),
        "VIR_ERR_INTERNAL_ERROR", "internal error: cannot change private flag on existing secret");
    expectEqual("the refused redefinitions changed nothing", before, s.spec());
    Secret typed = run.kvm().secrets().define(SecretSpec.iscsi(usage).uuid(s.uuid()).build());
    expectEqual("another usage type with the same key redefines it", "iscsi", typed.spec().usageType().orElse(null));
    Secret pub = define(run, SecretSpec.ceph(run.name("public")).private_(false).build());
    run.kvm().secrets().define(SecretSpec.ceph(run.name("public")).uuid(pub.uuid()).private_(true).build());
    expectEqual("a public secret may become private", java.util.Optional.of(true), pub.spec().private_());
  }

  static void parserRefusals(ContractRun run) {
    // the SDK's SecretSpec refuses these at build(); the XML sent as it is shows the target refuses it alike
    String u = run.name("refused");
    io.kvmsdk.core.spi.SecretDriver raw = run.kvm().hypervisor().secrets();
    run.expectRefused("usage type 'bogus'", () -> raw.define("<secret><usage type='bogus'><name>" + u + "</name></usage></secret>"),
        "VIR_ERR_CONFIG_UNSUPPORTED", "unsupported configuration: unknown secret usage type bogus");
    run.expectRefused("a ceph usage without a name", () -> raw.define("<secret><usage type='ceph'/></secret>"),
        "VIR_ERR_INTERNAL_ERROR", "internal error: Ceph usage specified, but name is missing");
    run.expectRefused("an iscsi usage with an empty target", () -> raw.define("<secret><usage type='iscsi'><target/></usage></secret>"),
        "VIR_ERR_INTERNAL_ERROR", "internal error: iSCSI usage specified, but target is missing");
    run.expectRefused("a malformed UUID", () -> raw.define("<secret><uuid>zzz</uuid><usage type='ceph'><name>" + u + "</name></usage></secret>"),
        "VIR_ERR_INTERNAL_ERROR", "internal error: malformed uuid element");
    run.expectRefused("private='maybe'", () -> raw.define("<secret private='maybe'><usage type='ceph'><name>" + u + "</name></usage></secret>"),
        "VIR_ERR_XML_ERROR", "XML error: invalid value of 'private'");
    for (String id : raw.list()) check(!raw.xml(id).orElse("").contains(u), "a refused secret is not defined");
  }

  static void emptyValue(ContractRun run) {
    Secret s = define(run, SecretSpec.ceph(run.name("empty")).build());
    // libvirt's remote protocol carries an empty value as NULL, which virSecretSetValue refuses
    run.expectRefused("set an empty value", () -> s.setValue(new byte[0]), "VIR_ERR_INVALID_ARG", "value in virSecretSetValue must not be NULL");
    s.setValue(new byte[] {7});
  }
}
