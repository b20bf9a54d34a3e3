package io.kvmsdk.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.kvmsdk.core.Kvm;
import io.kvmsdk.core.domain.Domain;
import io.kvmsdk.core.domain.DomainFilter;
import io.kvmsdk.core.domain.DomainGuestAgent;
import io.kvmsdk.core.domain.DomainSnapshot;
import io.kvmsdk.core.domain.DomainSnapshots;
import io.kvmsdk.core.domain.Domains;
import io.kvmsdk.core.domain.MigrateOption;
import io.kvmsdk.core.domain.UndefineOption;
import io.kvmsdk.core.network.Network;
import io.kvmsdk.core.network.Networks;
import io.kvmsdk.core.node.Node;
import io.kvmsdk.core.nwfilter.NwFilter;
import io.kvmsdk.core.nwfilter.NwFilterBinding;
import io.kvmsdk.core.nwfilter.NwFilterBindings;
import io.kvmsdk.core.nwfilter.NwFilters;
import io.kvmsdk.core.secret.Secret;
import io.kvmsdk.core.secret.Secrets;
import io.kvmsdk.core.storage.ResizeOption;
import io.kvmsdk.core.storage.StoragePool;
import io.kvmsdk.core.storage.StoragePools;
import io.kvmsdk.core.storage.StorageVolume;
import io.kvmsdk.core.storage.StorageVolumes;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The port speaks strings, names and small values only: no method of any driver mentions a public
 * handle or {@code Kvm}, so {@code Kvm -> Domains -> Hypervisor -> Domain -> Kvm} is no loop, and
 * the enums the port needs are top-level types.
 */
class SpiShapeTest {
  static final Set<Class<?>> HANDLES = Set.of(Kvm.class, Domain.class, Domains.class, DomainSnapshot.class, DomainSnapshots.class,
      DomainGuestAgent.class, Network.class, Networks.class, StoragePool.class, StoragePools.class, StorageVolume.class, StorageVolumes.class,
      NwFilter.class, NwFilters.class, NwFilterBinding.class, NwFilterBindings.class, Secret.class, Secrets.class, Node.class);

  static final List<Class<?>> PORT = List.of(Hypervisor.class, LifecycleDriver.class, DomainDriver.class, NetworkDriver.class,
      StoragePoolDriver.class, StorageVolumeDriver.class, NwFilterDriver.class, SecretDriver.class, NodeDriver.class, HypervisorProvider.class);

  private static void collect(Type t, List<Class<?>> out) {
    if (t instanceof Class<?> c) {
      out.add(c.isArray() ? c.getComponentType() : c);
    } else if (t instanceof ParameterizedType p) {
      collect(p.getRawType(), out);
      for (Type a : p.getActualTypeArguments()) collect(a, out);
    }
  }

  @Test void noPortMethodMentionsAHandle() {
    List<String> offenders = new ArrayList<>();
    for (Class<?> port : PORT) {
      for (Method m : port.getMethods()) {
        List<Class<?>> types = new ArrayList<>();
        collect(m.getGenericReturnType(), types);
        for (Type p : m.getGenericParameterTypes()) collect(p, types);
        for (Class<?> c : types) if (HANDLES.contains(c)) offenders.add(port.getSimpleName() + "." + m.getName() + " -> " + c.getSimpleName());
      }
    }
    assertThat(offenders).isEmpty();
  }

  @Test void theEnumsThePortNeedsAreTopLevel() {
    for (Class<?> e : List.of(DomainFilter.class, UndefineOption.class, MigrateOption.class, ResizeOption.class)) {
      assertThat(e.getEnclosingClass()).as(e.getSimpleName()).isNull();
    }
    assertThat(Domain.class.getDeclaredClasses()).as("Domain nests no type the port needs").isEmpty();
    assertThat(Domains.class.getDeclaredClasses()).isEmpty();
  }
}
