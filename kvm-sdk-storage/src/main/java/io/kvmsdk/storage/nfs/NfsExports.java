package io.kvmsdk.storage.nfs;

import io.kvmsdk.core.InvalidSpecException;
import io.kvmsdk.core.RequiredFields;
import io.kvmsdk.core.host.HostCommand;
import io.kvmsdk.core.host.Plan;
import io.kvmsdk.core.host.Step;
import io.kvmsdk.storage.internal.Files;
import io.kvmsdk.storage.internal.Names;
import java.util.List;
import org.immutables.value.Value;

/**
 * The exports an NFS server publishes for kvm-sdk, kept in their own file
 * {@code /etc/exports.d/NAME.exports} beside the host's other exports. {@link #plan()} writes the file
 * (skipped when it holds the text) and has {@code exportfs -ra} publish it (skipped when the file
 * was published as it is: a copy is kept under {@code /run}, so after a reboot it runs again).
 * Needs the kernel's NFS server (nfsd); the exported directories must exist.
 *
 * <pre>{@code
 * NfsExports exports = NfsExports.builder().name("vmstore")
 *     .addExport(NfsExport.of("/srv/nfs/vms", NfsClient.hypervisor("192.0.2.0/24")))
 *     .build();
 * exports.plan().apply(runner);
 * }</pre>
 */
@Value.Immutable
public abstract class NfsExports {
  /** The file's name in {@code /etc/exports.d}, without {@code .exports}. */
  public abstract String name();

  public abstract List<NfsExport> exports();

  @Value.Default public String dir() { return "/etc/exports.d"; }

  @Value.Default public String appliedDir() { return "/run/kvmsdk/nfs"; }

  public static Builder builder() { return new Builder(); }

  /** A changed copy. */
  public NfsExports copy(java.util.function.Consumer<Builder> change) {
    Builder b = builder().from(this);
    change.accept(b);
    return b.build();
  }

  @Value.Check protected void check() {
    Names.word("exports/name", name());
    Names.path("exports/dir", dir());
    Names.path("exports/applied_dir", appliedDir());
    if (exports().stream().map(NfsExport::path).distinct().count() != exports().size()) {
      throw new InvalidSpecException("exports/path", "a directory is exported twice: give its clients to one export");
    }
  }

  /** {@code dir/NAME.exports}. */
  public String path() { return dir() + "/" + name() + ".exports"; }

  /** The file's text. */
  public String render() {
    StringBuilder sb = new StringBuilder("# written by kvm-sdk: exports(5)\n");
    exports().forEach(e -> sb.append(e.line()).append('\n'));
    return sb.toString();
  }

  private String applied() { return appliedDir() + "/" + name() + ".exports"; }

  /** Writes the file, then publishes it with {@code exportfs -ra}. */
  public Plan plan() {
    return Plan.builder()
        .step(Files.writeStep("write " + path(), path(), render(), "0644", false))
        .step(Step.builder("publish " + path() + " (exportfs -ra)")
            .check(HostCommand.of("cmp", "-s", path(), applied()))
            .change(HostCommand.of("exportfs", "-ra"))
            .change(HostCommand.of("install", "-D", "-m", "0644", path(), applied())))
        .build();
  }

  /** Removes the file and withdraws its exports ({@code exportfs -ra}); every command is idempotent, so the step always runs. */
  public Plan removalPlan() {
    return Plan.builder()
        .step(Step.builder("withdraw " + path())
            .change(HostCommand.of("rm", "-f", path()))
            .change(HostCommand.of("exportfs", "-ra"))
            .change(HostCommand.of("rm", "-f", applied())))
        .build();
  }

  @Override public String toString() { return render(); }

  public static class Builder extends ImmutableNfsExports.Builder {
    private static final RequiredFields REQUIRED = RequiredFields.of("name", "exports/name");
    @Override public NfsExports build() { return REQUIRED.build(super::build); }
  }
}
