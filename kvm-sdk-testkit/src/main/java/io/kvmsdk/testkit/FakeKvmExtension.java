package io.kvmsdk.testkit;

import io.kvmsdk.core.Kvm;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/** The JUnit 5 extension behind {@link EnableFakeKvm}: one fresh {@link FakeCluster} per test. */
public final class FakeKvmExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(FakeKvmExtension.class);
  private static final Set<Class<?>> TYPES = Set.of(FakeClock.class, FakeCluster.class, FakeHost.class, FakeHypervisor.class, Kvm.class);

  /** What one test got. */
  private static final class World {
    final FakeCluster cluster = FakeCluster.create();
    final FakeCluster.Binding binding = cluster.bind();
    final List<AutoCloseable> toClose = new ArrayList<>();

    Object resolve(Class<?> type, String host) {
      if (type == FakeClock.class) return cluster.clock();
      if (type == FakeCluster.class) return cluster;
      if (type == FakeHost.class) return cluster.host(host);
      if (type == FakeHypervisor.class) {
        FakeHypervisor h = cluster.hypervisor(host);
        toClose.add(h);
        return h;
      }
      Kvm kvm = Kvm.using(cluster.hypervisor(host));
      toClose.add(kvm);
      return kvm;
    }
  }

  private static World world(ExtensionContext ctx) {
    return ctx.getStore(NS).getOrComputeIfAbsent(World.class, k -> new World(), World.class);
  }

  private static String hostOf(AnnotatedElement e) {
    EnableFakeKvm.Host h = e.getAnnotation(EnableFakeKvm.Host.class);
    return h == null ? EnableFakeKvm.DEFAULT_HOST : h.value();
  }

  @Override public void beforeEach(ExtensionContext ctx) throws Exception {
    World w = world(ctx);
    Object instance = ctx.getRequiredTestInstance();
    for (Class<?> c = instance.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        int m = f.getModifiers();
        if (Modifier.isStatic(m) || Modifier.isFinal(m) || !TYPES.contains(f.getType())) continue;
        f.setAccessible(true);
        f.set(instance, w.resolve(f.getType(), hostOf(f)));
      }
    }
  }

  @Override public void afterEach(ExtensionContext ctx) {
    World w = ctx.getStore(NS).remove(World.class, World.class);
    if (w == null) return;
    for (AutoCloseable c : w.toClose) {
      try {
        c.close();
      } catch (Exception ignored) {
        // fakes close quietly
      }
    }
    w.binding.close();
  }

  @Override public boolean supportsParameter(ParameterContext p, ExtensionContext ctx) {
    return TYPES.contains(p.getParameter().getType());
  }

  @Override public Object resolveParameter(ParameterContext p, ExtensionContext ctx) {
    if (ctx.getTestMethod().isEmpty()) {
      throw new ParameterResolutionException("@EnableFakeKvm injects " + p.getParameter().getType().getSimpleName()
          + " into test methods and fields, not into constructors or class-level callbacks (each test gets a fresh fake world)");
    }
    return world(ctx).resolve(p.getParameter().getType(), hostOf(p.getParameter()));
  }
}
