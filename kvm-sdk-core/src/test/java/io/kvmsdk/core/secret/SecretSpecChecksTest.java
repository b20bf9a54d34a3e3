package io.kvmsdk.core.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kvmsdk.core.InvalidSpecException;
import org.junit.jupiter.api.Test;

/** What libvirt's secret parser refuses, {@link SecretSpec} refuses at build() and parse, naming the field. */
class SecretSpecChecksTest {
  @Test void anUnknownUsageTypeIsRefused() {
    assertThatThrownBy(() -> SecretSpec.builder().usageType("bogus").usageName("x").build()).isInstanceOf(InvalidSpecException.class)
        .satisfies(e -> assertThat(((InvalidSpecException) e).field()).isEqualTo("secret/usage/@type"))
        .hasMessageContaining("got 'bogus'");
    assertThatThrownBy(() -> SecretSpec.fromXml("<secret><usage type='bogus'><name>x</name></usage></secret>"))
        .isInstanceOf(InvalidSpecException.class).hasMessageContaining("secret/usage/@type");
  }

  @Test void aUsageWithoutItsKeyIsRefused() {
    assertThatThrownBy(() -> SecretSpec.builder().usageType("ceph").build())
        .satisfies(e -> assertThat(((InvalidSpecException) e).field()).isEqualTo("secret/usage/name"));
    assertThatThrownBy(() -> SecretSpec.fromXml("<secret><usage type='ceph'/></secret>"))
        .satisfies(e -> assertThat(((InvalidSpecException) e).field()).isEqualTo("secret/usage/name"));
    assertThatThrownBy(() -> SecretSpec.fromXml("<secret><usage type='iscsi'><target/></usage></secret>"))
        .satisfies(e -> assertThat(((InvalidSpecException) e).field()).isEqualTo("secret/usage/target"));
    assertThatThrownBy(() -> SecretSpec.fromXml("<secret><usage type='volume'><name>/x</name></usage></secret>"))
        .satisfies(e -> assertThat(((InvalidSpecException) e).field()).isEqualTo("secret/usage/volume"));
  }

  @Test void whatLibvirtAcceptsStillParses() {
    assertThat(SecretSpec.fromXml("<secret><usage type='none'/></secret>").usageType()).contains("none");
    assertThat(SecretSpec.fromXml("<secret><description>d</description></secret>").usageType()).isEmpty();
    assertThat(SecretSpec.ceph("client.admin").build().toXml()).contains("<name>client.admin</name>");
  }
}
