package io.kvmsdk.core.internal.domain;

import io.kvmsdk.core.domain.*;
import io.kvmsdk.core.internal.xml.ElementCodec;
import io.kvmsdk.core.internal.xml.ValueType;

/** Element mappings for character devices (serial, console, channel, parallel) and the small devices (tpm, watchdog, memballoon, rng, panic, shmem, memory, iommu, vsock, crypto). */
public final class CharDeviceCodecs {
  private CharDeviceCodecs() {}

  public static final ElementCodec<Serial, Serial.Builder> SERIAL =
      ElementCodec.of("serial", Serial.Builder::new, Serial.Builder::build, Serial::unmodeled, Serial.Builder::unmodeled)
        .attr("type", Serial::type, Serial.Builder::type)
        .attrChild("alias", "name", Serial::alias, Serial.Builder::alias)
        .child("address", DomainCodecs.ADDRESS, Serial::address, Serial.Builder::address);

  public static final ElementCodec<Console, Console.Builder> CONSOLE =
      ElementCodec.of("console", Console.Builder::new, Console.Builder::build, Console::unmodeled, Console.Builder::unmodeled)
        .attr("type", Console::type, Console.Builder::type)
        .attr("tty", Console::tty, Console.Builder::tty)
        .attrChild("alias", "name", Console::alias, Console.Builder::alias)
        .child("address", DomainCodecs.ADDRESS, Console::address, Console.Builder::address);

  public static final ElementCodec<Channel, Channel.Builder> CHANNEL =
      ElementCodec.of("channel", Channel.Builder::new, Channel.Builder::build, Channel::unmodeled, Channel.Builder::unmodeled)
        .attr("type", Channel::type, Channel.Builder::type)
        .attrChild("alias", "name", Channel::alias, Channel.Builder::alias)
        .child("address", DomainCodecs.ADDRESS, Channel::address, Channel.Builder::address);

  public static final ElementCodec<Parallel, Parallel.Builder> PARALLEL =
      ElementCodec.of("parallel", Parallel.Builder::new, Parallel.Builder::build, Parallel::unmodeled, Parallel.Builder::unmodeled)
        .attr("type", Parallel::type, Parallel.Builder::type)
        .attrChild("alias", "name", Parallel::alias, Parallel.Builder::alias)
        .child("address", DomainCodecs.ADDRESS, Parallel::address, Parallel.Builder::address);

  public static final ElementCodec<Tpm, Tpm.Builder> TPM =
      ElementCodec.of("tpm", Tpm.Builder::new, Tpm.Builder::build, Tpm::unmodeled, Tpm.Builder::unmodeled)
        .attr("model", Tpm::model, Tpm.Builder::model)
        .attrChild("alias", "name", Tpm::alias, Tpm.Builder::alias)
        .child("address", DomainCodecs.ADDRESS, Tpm::address, Tpm.Builder::address);

  public static final ElementCodec<Watchdog, Watchdog.Builder> WATCHDOG =
      ElementCodec.of("watchdog", Watchdog.Builder::new, Watchdog.Builder::build, Watchdog::unmodeled, Watchdog.Builder::unmodeled)
        .attr("model", Watchdog::model, Watchdog.Builder::model)
        .attr("action", Watchdog::action, Watchdog.Builder::action)
        .attrChild("alias", "name", Watchdog::alias, Watchdog.Builder::alias)
        .child("address", DomainCodecs.ADDRESS, Watchdog::address, Watchdog.Builder::address);

  public static final ElementCodec<MemBalloon, MemBalloon.Builder> MEM_BALLOON =
      ElementCodec.of("memballoon", MemBalloon.Builder::new, MemBalloon.Builder::build, MemBalloon::unmodeled, MemBalloon.Builder::unmodeled)
        .attr("model", MemBalloon::model, MemBalloon.Builder::model)
        .attr("autodeflate", ValueType.ON_OFF, MemBalloon::autodeflate, MemBalloon.Builder::autodeflate)
        .attr("freePageReporting", ValueType.ON_OFF, MemBalloon::freePageReporting, MemBalloon.Builder::freePageReporting)
        .attrChild("alias", "name", MemBalloon::alias, MemBalloon.Builder::alias)
        .child("address", DomainCodecs.ADDRESS, MemBalloon::address, MemBalloon.Builder::address);

  public static final ElementCodec<Rng, Rng.Builder> RNG =
      ElementCodec.of("rng", Rng.Builder::new, Rng.Builder::build, Rng::unmodeled, Rng.Builder::unmodeled)
        .attr("model", Rng::model, Rng.Builder::model)
        .attrChild("alias", "name", Rng::alias, Rng.Builder::alias)
        .child("address", DomainCodecs.ADDRESS, Rng::address, Rng.Builder::address);

  public static final ElementCodec<Panic, Panic.Builder> PANIC =
      ElementCodec.of("panic", Panic.Builder::new, Panic.Builder::build, Panic::unmodeled, Panic.Builder::unmodeled)
        .attr("model", Panic::model, Panic.Builder::model)
        .attrChild("alias", "name", Panic::alias, Panic.Builder::alias)
        .child("address", DomainCodecs.ADDRESS, Panic::address, Panic.Builder::address);

  public static final ElementCodec<Shmem, Shmem.Builder> SHMEM =
      ElementCodec.of("shmem", Shmem.Builder::new, Shmem.Builder::build, Shmem::unmodeled, Shmem.Builder::unmodeled)
        .attr("name", Shmem::name, Shmem.Builder::name)
        .attr("role", Shmem::role, Shmem.Builder::role)
        .attrChild("alias", "name", Shmem::alias, Shmem.Builder::alias)
        .child("address", DomainCodecs.ADDRESS, Shmem::address, Shmem.Builder::address);

  public static final ElementCodec<MemoryDevice, MemoryDevice.Builder> MEMORY_DEVICE =
      ElementCodec.of("memory", MemoryDevice.Builder::new, MemoryDevice.Builder::build, MemoryDevice::unmodeled, MemoryDevice.Builder::unmodeled)
        .attr("model", MemoryDevice::model, MemoryDevice.Builder::model)
        .attr("access", MemoryDevice::access, MemoryDevice.Builder::access)
        .attr("discard", ValueType.YES_NO, MemoryDevice::discard, MemoryDevice.Builder::discard)
        .attrChild("alias", "name", MemoryDevice::alias, MemoryDevice.Builder::alias)
        .child("address", DomainCodecs.ADDRESS, MemoryDevice::address, MemoryDevice.Builder::address);

  public static final ElementCodec<Iommu, Iommu.Builder> IOMMU =
      ElementCodec.of("iommu", Iommu.Builder::new, Iommu.Builder::build, Iommu::unmodeled, Iommu.Builder::unmodeled)
        .attr("model", Iommu::model, Iommu.Builder::model)
        .attrChild("alias", "name", Iommu::alias, Iommu.Builder::alias)
        .child("address", DomainCodecs.ADDRESS, Iommu::address, Iommu.Builder::address);

  public static final ElementCodec<Vsock, Vsock.Builder> VSOCK =
      ElementCodec.of("vsock", Vsock.Builder::new, Vsock.Builder::build, Vsock::unmodeled, Vsock.Builder::unmodeled)
        .attr("model", Vsock::model, Vsock.Builder::model)
        .attrChild("alias", "name", Vsock::alias, Vsock.Builder::alias)
        .child("address", DomainCodecs.ADDRESS, Vsock::address, Vsock.Builder::address);

  public static final ElementCodec<Crypto, Crypto.Builder> CRYPTO =
      ElementCodec.of("crypto", Crypto.Builder::new, Crypto.Builder::build, Crypto::unmodeled, Crypto.Builder::unmodeled)
        .attr("model", Crypto::model, Crypto.Builder::model)
        .attr("type", Crypto::type, Crypto.Builder::type)
        .attrChild("alias", "name", Crypto::alias, Crypto.Builder::alias)
        .child("address", DomainCodecs.ADDRESS, Crypto::address, Crypto.Builder::address);
}
