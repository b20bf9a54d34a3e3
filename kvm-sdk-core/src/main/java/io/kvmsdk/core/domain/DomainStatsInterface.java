package io.kvmsdk.core.domain;

/** Per-interface traffic counters of {@link DomainStats} ({@code net.N.*}); -1 when libvirt did not report one. */
public record DomainStatsInterface(String name, long rxBytes, long rxPackets, long txBytes, long txPackets) {}
