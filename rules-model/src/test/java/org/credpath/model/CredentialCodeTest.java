package org.credpath.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.TreeSet;
import org.credpath.model.profile.CertifyingBody;
import org.credpath.model.profile.CredentialCode;
import org.junit.jupiter.api.Test;

/** A credential code is a value: equal by its code, whatever else a knowledge base gave it. */
class CredentialCodeTest {
  @Test
  void builtInCodes_keepWhatTheEnumerationHad() {
    assertThat(CredentialCode.builtIn()).extracting(CredentialCode::name)
        .containsExactly("CAHIMS", "CCA", "CCS", "CCS_P", "CPHIMS", "RHIA", "RHIT");
    assertThat(CredentialCode.CCS_P.label()).isEqualTo("CCS-P");
    assertThat(CredentialCode.RHIT.ahima()).isTrue();
    assertThat(CredentialCode.CPHIMS.body()).isEqualTo(CertifyingBody.HIMSS);
    assertThat(CredentialCode.of("RHIT")).isSameAs(CredentialCode.RHIT);
    assertThat(CredentialCode.valueOf("CCS_P")).isSameAs(CredentialCode.CCS_P);
    assertThat(CredentialCode.RHIA).hasToString("RHIA");
  }

  @Test
  void otherCodes_areEqualByName_andGetTheirBodyFromTheKnowledgeBase() {
    CredentialCode read = CredentialCode.of("CHD_X");
    CredentialCode defined = CredentialCode.of("CHD_X", CertifyingBody.AHIMA, "CHD-X");
    assertThat(read).isEqualTo(defined).hasSameHashCodeAs(defined);
    assertThat(read.body()).as("not resolved yet").isNull();
    assertThat(read.ahima()).isFalse();
    assertThat(read.label()).isEqualTo("CHD-X");
    assertThat(defined.ahima()).isTrue();
    assertThat(new TreeSet<>(java.util.List.of(CredentialCode.RHIT, defined, CredentialCode.CAHIMS)))
        .extracting(CredentialCode::name).containsExactly("CAHIMS", "CHD_X", "RHIT");
    assertThatThrownBy(() -> CredentialCode.valueOf("CHD_X")).isInstanceOf(IllegalArgumentException.class);
  }
}
