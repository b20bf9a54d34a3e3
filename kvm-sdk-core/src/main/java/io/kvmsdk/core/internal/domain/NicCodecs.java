package io.kvmsdk.core.internal.domain;

import io.kvmsdk.core.domain.*;
import io.kvmsdk.core.internal.xml.ElementCodec;
import io.kvmsdk.core.internal.xml.ValueType;

/** Element mappings for network interfaces and the display/input/sound devices. */
public final class NicCodecs {
  private NicCodecs() {}

  public static final ElementCodec<Nic, Nic.Builder> NIC =
      ElementCodec.of("interface", Nic.Builder::new, Nic.Builder::build, Nic::unmodeled, Nic.Builder::unmodeled)
        .attr("type", Nic::type, Nic.Builder::type)
        .attr("managed", ValueType.YES_NO, Nic::managed, Nic.Builder::managed)
        .attr("trustGuestRxFilters", ValueType.YES_NO, Nic::trustGuestRxFilters, Nic.Builder::trustGuestRxFilters)
        .attrChild("alias", "name", Nic::alias, Nic.Builder::alias)
        .child("address", DomainCodecs.ADDRESS, Nic::address, Nic.Builder::address);

  public static final ElementCodec<Graphics, Graphics.Builder> GRAPHICS =
      ElementCodec.of("graphics", Graphics.Builder::new, Graphics.Builder::build, Graphics::unmodeled, Graphics.Builder::unmodeled)
        .attr("type", Graphics::type, Graphics.Builder::type)
        .attr("port", ValueType.INT, Graphics::port, Graphics.Builder::port)
        .attr("autoport", ValueType.YES_NO, Graphics::autoport, Graphics.Builder::autoport)
        .attr("listen", Graphics::listen, Graphics.Builder::listen);

  public static final ElementCodec<Video, Video.Builder> VIDEO =
      ElementCodec.of("video", Video.Builder::new, Video.Builder::build, Video::unmodeled, Video.Builder::unmodeled)
        .attrChild("alias", "name", Video::alias, Video.Builder::alias)
        .child("address", DomainCodecs.ADDRESS, Video::address, Video.Builder::address);

  public static final ElementCodec<Input, Input.Builder> INPUT =
      ElementCodec.of("input", Input.Builder::new, Input.Builder::build, Input::unmodeled, Input.Builder::unmodeled)
        .attr("type", Input::type, Input.Builder::type)
        .attr("bus", Input::bus, Input.Builder::bus)
        .attrChild("alias", "name", Input::alias, Input.Builder::alias)
        .child("address", DomainCodecs.ADDRESS, Input::address, Input.Builder::address);

  public static final ElementCodec<Sound, Sound.Builder> SOUND =
      ElementCodec.of("sound", Sound.Builder::new, Sound.Builder::build, Sound::unmodeled, Sound.Builder::unmodeled)
        .attr("model", Sound::model, Sound.Builder::model)
        .attrChild("alias", "name", Sound::alias, Sound.Builder::alias)
        .child("address", DomainCodecs.ADDRESS, Sound::address, Sound.Builder::address);

  public static final ElementCodec<Audio, Audio.Builder> AUDIO =
      ElementCodec.of("audio", Audio.Builder::new, Audio.Builder::build, Audio::unmodeled, Audio.Builder::unmodeled)
        .attr("id", ValueType.UINT, Audio::id, Audio.Builder::id)
        .attr("type", Audio::type, Audio.Builder::type);
}
