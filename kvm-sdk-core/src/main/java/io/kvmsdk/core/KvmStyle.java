package io.kvmsdk.core;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style every spec uses (core and feature modules: put it on the package): generated {@code ImmutableX} classes stay
 * package-private, {@code build()} returns the abstract type, list adders are singular
 * ({@code addDisk}), secrets print as {@code ****}, and no Immutables annotation reaches the
 * generated classes (users compile against them without Immutables on their class path).
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    depluralize = true,
    depluralizeDictionary = {"address:addresses", "alias:aliases", "boot:boots", "host:hosts",
        "redirdev:redirdevs", "hostdev:hostdevs", "smartcard:smartcards", "hub:hubs", "iommu:iommus",
        "filesystem:filesystems", "channel:channels", "console:consoles", "serial:serials",
        "interface:interfaces", "parallel:parallels", "watchdog:watchdogs", "panic:panics",
        "rng:rngs", "tpm:tpms", "shmem:shmems", "input:inputs", "graphics:graphics",
        "video:videos", "sound:sounds", "controller:controllers", "disk:disks", "lease:leases",
        "memory:memories", "vsock:vsocks", "crypto:cryptos", "audio:audios", "arg:args",
        "env:envs", "feature:features", "cell:cells", "timer:timers", "seclabel:seclabels",
        "vcpupin:vcpupins", "iothreadpin:iothreadpins", "page:pages", "distance:distances",
        "sibling:siblings", "entry:entries", "tag:tags", "parameter:parameters", "cookie:cookies"},
    redactedMask = "****",
    defaults = @Value.Immutable(copy = false),
    builder = "new",
    typeBuilder = "Builder",
    jdkOnly = true,
    // no @org.immutables.value.Generated on generated classes: users compile without Immutables
    allowedClasspathAnnotations = {Override.class},
    allParameters = false)
public @interface KvmStyle {}
