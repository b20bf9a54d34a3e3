package io.kvmsdk.testkit.metrics;

import io.kvmsdk.core.spi.Hypervisor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A decorator of the port that counts every driver call ({@code domains.allStats}, {@code node.info}, ...) and passes it on. */
final class CountingHypervisor {
  final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  final Hypervisor hypervisor;

  CountingHypervisor(Hypervisor target) {
    this.hypervisor = (Hypervisor) Proxy.newProxyInstance(Hypervisor.class.getClassLoader(), new Class<?>[] {Hypervisor.class}, (p, m, args) -> {
      Object r = invoke(target, m, args);
      if (r != null && m.getParameterCount() == 0 && m.getReturnType().isInterface() && m.getReturnType().getPackageName().equals("io.kvmsdk.core.spi")
          && !m.getName().equals("ticker")) {
        return counting(m.getName(), m.getReturnType(), r);
      }
      return r;
    });
  }

  private Object counting(String driver, Class<?> type, Object target) {
    InvocationHandler h = (p, m, args) -> {
      if (m.getDeclaringClass() != Object.class) calls.computeIfAbsent(driver + "." + m.getName(), k -> new AtomicInteger()).incrementAndGet();
      return invoke(target, m, args);
    };
    return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, h);
  }

  private static Object invoke(Object target, java.lang.reflect.Method m, Object[] args) throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** The calls so far, by driver and method ({@code domains.allStats=1}), and forgets them. */
  Map<String, Integer> take() {
    Map<String, Integer> out = new java.util.TreeMap<>();
    calls.forEach((k, v) -> out.put(k, v.get()));
    calls.clear();
    return out;
  }
}
