package io.kvmsdk.core.domain;

import io.kvmsdk.core.common.*;
import io.kvmsdk.core.xml.Unmodeled;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code <devices>}: the emulator and every device of a domain, one list per device element, in libvirt's order. */
@Value.Immutable
public abstract class Devices {
  /** Path of the device model emulator binary ({@code <emulator>}). */
  public abstract Optional<String> emulator();

  /** {@code <disk>} elements. */
  public abstract List<Disk> disks();

  /** {@code <controller>} elements. */
  public abstract List<Controller> controllers();

  /** {@code <lease>} elements. */
  public abstract List<Lease> leases();

  /** {@code <filesystem>} elements. */
  public abstract List<Filesystem> filesystems();

  /** {@code <interface>} elements. */
  public abstract List<Nic> interfaces();

  /** {@code <smartcard>} elements. */
  public abstract List<Smartcard> smartcards();

  /** {@code <serial>} elements. */
  public abstract List<Serial> serials();

  /** {@code <parallel>} elements. */
  public abstract List<Parallel> parallels();

  /** {@code <console>} elements. */
  public abstract List<Console> consoles();

  /** {@code <channel>} elements. */
  public abstract List<Channel> channels();

  /** {@code <input>} elements. */
  public abstract List<Input> inputs();

  /** {@code <tpm>} elements. */
  public abstract List<Tpm> tpms();

  /** {@code <graphics>} elements. */
  public abstract List<Graphics> graphics();

  /** {@code <sound>} elements. */
  public abstract List<Sound> sounds();

  /** {@code <audio>} elements. */
  public abstract List<Audio> audios();

  /** {@code <video>} elements. */
  public abstract List<Video> videos();

  /** {@code <hostdev>} elements. */
  public abstract List<Hostdev> hostdevs();

  /** {@code <redirdev>} elements. */
  public abstract List<Redirdev> redirdevs();

  /** {@code <redirfilter>} elements. */
  public abstract List<Redirfilter> redirfilters();

  /** {@code <hub>} elements. */
  public abstract List<Hub> hubs();

  /** {@code <watchdog>} elements. */
  public abstract List<Watchdog> watchdogs();

  /** {@code <memballoon>} elements. */
  public abstract List<MemBalloon> memballoons();

  /** {@code <rng>} elements. */
  public abstract List<Rng> rngs();

  /** {@code <panic>} elements. */
  public abstract List<Panic> panics();

  /** {@code <shmem>} elements. */
  public abstract List<Shmem> shmems();

  /** {@code <memory>} elements. */
  public abstract List<MemoryDevice> memories();

  /** {@code <iommu>} elements. */
  public abstract List<Iommu> iommus();

  /** {@code <vsock>} elements. */
  public abstract List<Vsock> vsocks();

  /** {@code <crypto>} elements. */
  public abstract List<Crypto> cryptos();

  /** {@code <nvram>} elements. */
  public abstract List<NvramDevice> nvrams();

  /**
   * Every device that has an {@code <address>} of its own, as (device path, address) pairs. Consoles are
   * left out: libvirt writes console 0 with the address of the serial port it mirrors.
   */
  public List<Map.Entry<String, DeviceAddress>> addresses() {
    List<Map.Entry<String, DeviceAddress>> out = new ArrayList<>();
    collect(out, "disk", disks(), Disk::address);
    collect(out, "controller", controllers(), Controller::address);
    collect(out, "filesystem", filesystems(), Filesystem::address);
    collect(out, "interface", interfaces(), Nic::address);
    collect(out, "smartcard", smartcards(), Smartcard::address);
    collect(out, "serial", serials(), Serial::address);
    collect(out, "parallel", parallels(), Parallel::address);
    collect(out, "channel", channels(), Channel::address);
    collect(out, "input", inputs(), Input::address);
    collect(out, "tpm", tpms(), Tpm::address);
    collect(out, "sound", sounds(), Sound::address);
    collect(out, "video", videos(), Video::address);
    collect(out, "hostdev", hostdevs(), Hostdev::address);
    collect(out, "redirdev", redirdevs(), Redirdev::address);
    collect(out, "hub", hubs(), Hub::address);
    collect(out, "watchdog", watchdogs(), Watchdog::address);
    collect(out, "memballoon", memballoons(), MemBalloon::address);
    collect(out, "rng", rngs(), Rng::address);
    collect(out, "panic", panics(), Panic::address);
    collect(out, "shmem", shmems(), Shmem::address);
    collect(out, "memory", memories(), MemoryDevice::address);
    collect(out, "iommu", iommus(), Iommu::address);
    collect(out, "vsock", vsocks(), Vsock::address);
    collect(out, "crypto", cryptos(), Crypto::address);
    collect(out, "nvram", nvrams(), NvramDevice::address);
    return out;
  }

  private static <D> void collect(List<Map.Entry<String, DeviceAddress>> out, String elem, List<D> devices,
      Function<D, Optional<DeviceAddress>> address) {
    for (int i = 0; i < devices.size(); i++) {
      Optional<DeviceAddress> a = address.apply(devices.get(i));
      if (a.isPresent()) out.add(new Addressed(elem, i + 1, a.get()));
    }
  }

  /** A device's address under its path, the path written only when asked for (most readers look at the address only). */
  private static final class Addressed extends java.util.AbstractMap.SimpleImmutableEntry<String, DeviceAddress> {
    private static final long serialVersionUID = 1L;
    private final String elem;
    private final int index;

    Addressed(String elem, int index, DeviceAddress a) {
      super(null, a);
      this.elem = elem;
      this.index = index;
    }

    @Override public String getKey() { return "devices/" + elem + "[" + index + "]"; }

    @Override public boolean equals(Object o) {
      return o instanceof Map.Entry<?, ?> e && getKey().equals(e.getKey()) && getValue().equals(e.getValue());
    }

    @Override public int hashCode() { return getKey().hashCode() ^ getValue().hashCode(); }

    @Override public String toString() { return getKey() + "=" + getValue(); }
  }

  @Value.Default public Unmodeled unmodeled() { return Unmodeled.NONE; }

  /** No devices. */
  public static Devices none() { return builder().build(); }

  public static Builder builder() { return new Builder(); }

  /** Builds {@link Devices}. */
  public static class Builder extends ImmutableDevices.Builder {}
}
