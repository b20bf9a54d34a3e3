package io.kvmsdk.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kvmsdk.core.InvalidSpecException;
import org.junit.jupiter.api.Test;

/** Malformed, entity-laden, oversized or incomplete documents are refused at parse with the field and the rule. */
class StorageBadInputTest {
  static InvalidSpecException pool(String xml) {
    InvalidSpecException e = catchThrowableOfType(() -> StoragePoolSpec.fromXml(xml), InvalidSpecException.class);
    assertThat(e).as("refused: " + (xml == null ? null : xml.substring(0, Math.min(80, xml.length())))).isNotNull();
    return e;
  }

  static InvalidSpecException volume(String xml) {
    InvalidSpecException e = catchThrowableOfType(() -> StorageVolumeSpec.fromXml(xml), InvalidSpecException.class);
    assertThat(e).as("refused").isNotNull();
    return e;
  }

  @Test
  void malformedXml() {
    InvalidSpecException e = pool("<pool type='dir'><name>x</pool>");
    assertThat(e.field()).isEqualTo("pool");
    assertThat(e.rule()).contains("not well-formed");
    assertThat(volume("<volume><name>v</name>").rule()).contains("not well-formed");
    assertThat(pool(null).rule()).contains("null");
    assertThat(pool("").rule()).isNotBlank();
  }

  @Test
  void entitiesAndDtdsAreRefused() {
    String billionLaughs = "<?xml version='1.0'?><!DOCTYPE pool [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;'>]>"
        + "<pool type='dir'><name>&b;</name><target><path>/x</path></target></pool>";
    assertThat(pool(billionLaughs).rule()).containsIgnoringCase("DOCTYPE");
    String xxe = "<?xml version='1.0'?><!DOCTYPE volume [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><volume><name>&x;</name><capacity>1</capacity></volume>";
    assertThat(volume(xxe).rule()).containsIgnoringCase("DOCTYPE");
    assertThat(pool("<pool type='dir'><name>&undefined;</name><target><path>/x</path></target></pool>").field()).isEqualTo("pool");
  }

  @Test
  void oversizedAndDeeplyNestedDocumentsAreRefused() {
    String big = "<pool type='dir'><name>x</name><target><path>/x</path></target><!--" + "x".repeat(11 * 1024 * 1024) + "--></pool>";
    assertThat(pool(big).rule()).contains("more than the limit");
    String deep = "<volume><name>v</name><capacity>1</capacity>" + "<x>".repeat(100) + "</x>".repeat(100) + "</volume>";
    assertThat(volume(deep).rule()).contains("nested deeper");
  }

  @Test
  void theWrongRootIsRefused() {
    InvalidSpecException e = pool("<volume><name>v</name><capacity>1</capacity></volume>");
    assertThat(e.field()).isEqualTo("pool");
    assertThat(e.rule()).contains("<pool>").contains("<volume>");
    assertThat(volume("<pool type='dir'><name>x</name></pool>").rule()).contains("<volume>");
  }

  @Test
  void aPoolWithoutItsRequiredSource() {
    InvalidSpecException e = pool("<pool type='netfs'><name>n</name><target><path>/mnt</path></target></pool>");
    assertThat(e.field()).isEqualTo("pool/source/host");
    assertThat(e.rule()).contains("needs at least one source host");
    assertThat(pool("<pool type='fs'><name>f</name><target><path>/mnt</path></target></pool>").field()).isEqualTo("pool/source/device");
    assertThat(pool("<pool type='rbd'><name>c</name><source><host name='m'/></source></pool>").field()).isEqualTo("pool/source/name");
    assertThat(pool("<pool type='iscsi-direct'><name>d</name><source><host name='h'/></source></pool>").field()).isEqualTo("pool/source/initiator/iqn");
  }

  @Test
  void aVolumeWithNegativeOrNonsenseSizes() {
    InvalidSpecException e = volume("<volume><name>v</name><capacity>-1</capacity></volume>");
    assertThat(e.field()).isEqualTo("volume/capacity");
    assertThat(e.rule()).contains("non-negative");
    assertThat(volume("<volume><name>v</name><capacity unit='parsecs'>1</capacity></volume>").field()).isEqualTo("volume/capacity/@unit");
    assertThat(volume("<volume><name>v</name><capacity unit='EiB'>9</capacity></volume>").rule()).contains("too large");
    assertThat(volume("<volume><name>v</name><capacity>1</capacity><allocation>lots</allocation></volume>").field()).isEqualTo("volume/allocation");
    assertThat(volume("<volume><capacity>1</capacity></volume>").field()).isEqualTo("volume/name");
  }
}
