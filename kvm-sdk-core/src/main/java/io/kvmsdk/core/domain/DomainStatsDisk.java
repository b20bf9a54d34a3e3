package io.kvmsdk.core.domain;

/** Per-disk I/O counters of {@link DomainStats} ({@code block.N.*}); -1 when libvirt did not report one. */
public record DomainStatsDisk(String name, long rdBytes, long rdReqs, long wrBytes, long wrReqs) {}
