/**
 * The libvirt domain: {@link io.kvmsdk.core.domain.DomainSpec} (the typed, lossless model of
 * libvirt's domain XML), its parts and devices, and {@link io.kvmsdk.core.domain.Domain}, the
 * handle to a defined domain.
 */
@KvmStyle
package io.kvmsdk.core.domain;

import io.kvmsdk.core.KvmStyle;
