package io.kvmsdk.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives every test a fresh, isolated fake world: a {@link FakeCluster} with its {@link FakeClock},
 * bound to the test's thread so {@code Kvm.connect("fake:///NAME")} reaches it. Test method
 * parameters and non-static, non-final fields of type {@link FakeClock}, {@link FakeCluster},
 * {@link FakeHost}, {@link FakeHypervisor} and {@link io.kvmsdk.core.Kvm} are injected; hosts are
 * named {@value #DEFAULT_HOST} unless annotated with {@link Host @EnableFakeKvm.Host("hv1")}. The
 * same name gives the same host within a test; {@code Kvm} connections the extension opened are
 * closed after the test. Threads the test starts see the binding; pools created earlier do not.
 *
 * <pre>{@code
 * @EnableFakeKvm
 * class FailoverTest {
 *   @Test void movesTheGuest(Kvm kvm, @EnableFakeKvm.Host("hv2") FakeHypervisor hv2, FakeClock clock) { ... }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(FakeKvmExtension.class)
public @interface EnableFakeKvm {
  /** The host name used when a parameter or field has no {@link Host} annotation. */
  String DEFAULT_HOST = "default";

  /** Names the fake host a parameter or field refers to ({@code fake:///NAME}). */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.PARAMETER, ElementType.FIELD})
  @interface Host {
    String value();
  }
}
