package io.kvmsdk.testkit.qemu;

import io.kvmsdk.core.domain.Audio;
import io.kvmsdk.core.domain.Channel;
import io.kvmsdk.core.domain.Console;
import io.kvmsdk.core.domain.Controller;
import io.kvmsdk.core.domain.Crypto;
import io.kvmsdk.core.domain.Devices;
import io.kvmsdk.core.domain.Disk;
import io.kvmsdk.core.domain.Filesystem;
import io.kvmsdk.core.domain.Graphics;
import io.kvmsdk.core.domain.Hostdev;
import io.kvmsdk.core.domain.Hub;
import io.kvmsdk.core.domain.Input;
import io.kvmsdk.core.domain.Iommu;
import io.kvmsdk.core.domain.MemBalloon;
import io.kvmsdk.core.domain.MemoryDevice;
import io.kvmsdk.core.domain.Nic;
import io.kvmsdk.core.domain.Panic;
import io.kvmsdk.core.domain.Parallel;
import io.kvmsdk.core.domain.Redirdev;
import io.kvmsdk.core.domain.Rng;
import io.kvmsdk.core.domain.Serial;
import io.kvmsdk.core.domain.Shmem;
import io.kvmsdk.core.domain.Smartcard;
import io.kvmsdk.core.domain.Sound;
import io.kvmsdk.core.domain.Video;
import io.kvmsdk.core.domain.Vsock;
import io.kvmsdk.core.domain.Watchdog;
import java.util.ArrayList;
import java.util.List;

/** Mutable copies of a domain's device lists, changed in place by the passes of {@link QemuInactive} and {@link QemuLive}. */
final class Work {
  final List<Disk> disks;
  final List<Controller> controllers;
  final List<Filesystem> filesystems;
  final List<Nic> nics;
  final List<Smartcard> smartcards;
  final List<Serial> serials;
  final List<Parallel> parallels;
  final List<Console> consoles;
  final List<Channel> channels;
  final List<Input> inputs;
  final List<Graphics> graphics;
  final List<Sound> sounds;
  final List<Audio> audios;
  final List<Video> videos;
  final List<Hostdev> hostdevs;
  final List<Redirdev> redirdevs;
  final List<Hub> hubs;
  final List<Watchdog> watchdogs;
  final List<MemBalloon> balloons;
  final List<Rng> rngs;
  final List<Panic> panics;
  final List<Shmem> shmems;
  final List<MemoryDevice> memories;
  final List<Iommu> iommus;
  final List<Vsock> vsocks;
  final List<Crypto> cryptos;

  Work(Devices d) {
    disks = new ArrayList<>(d.disks());
    controllers = new ArrayList<>(d.controllers());
    filesystems = new ArrayList<>(d.filesystems());
    nics = new ArrayList<>(d.interfaces());
    smartcards = new ArrayList<>(d.smartcards());
    serials = new ArrayList<>(d.serials());
    parallels = new ArrayList<>(d.parallels());
    consoles = new ArrayList<>(d.consoles());
    channels = new ArrayList<>(d.channels());
    inputs = new ArrayList<>(d.inputs());
    graphics = new ArrayList<>(d.graphics());
    sounds = new ArrayList<>(d.sounds());
    audios = new ArrayList<>(d.audios());
    videos = new ArrayList<>(d.videos());
    hostdevs = new ArrayList<>(d.hostdevs());
    redirdevs = new ArrayList<>(d.redirdevs());
    hubs = new ArrayList<>(d.hubs());
    watchdogs = new ArrayList<>(d.watchdogs());
    balloons = new ArrayList<>(d.memballoons());
    rngs = new ArrayList<>(d.rngs());
    panics = new ArrayList<>(d.panics());
    shmems = new ArrayList<>(d.shmems());
    memories = new ArrayList<>(d.memories());
    iommus = new ArrayList<>(d.iommus());
    vsocks = new ArrayList<>(d.vsocks());
    cryptos = new ArrayList<>(d.cryptos());
  }

  void writeTo(Devices.Builder d) {
    d.disks(disks).controllers(controllers).filesystems(filesystems).interfaces(nics).smartcards(smartcards)
        .serials(serials).parallels(parallels).consoles(consoles).channels(channels).inputs(inputs).graphics(graphics)
        .sounds(sounds).audios(audios).videos(videos).hostdevs(hostdevs).redirdevs(redirdevs).hubs(hubs)
        .watchdogs(watchdogs).memballoons(balloons).rngs(rngs).panics(panics).shmems(shmems).memories(memories)
        .iommus(iommus).vsocks(vsocks).cryptos(cryptos);
  }
}
