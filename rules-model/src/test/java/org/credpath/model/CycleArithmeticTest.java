package org.credpath.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.credpath.model.fact.AhimaCycle;
import org.credpath.model.fact.AhimaPolicy;
import org.credpath.model.fact.AhimaRequirement;
import org.credpath.model.fact.CeuRequirement;
import org.credpath.model.fact.HimssCycle;
import org.credpath.model.fact.Hours;
import org.credpath.model.profile.CredentialCode;
import org.junit.jupiter.api.Test;

class CycleArithmeticTest {
  static final AhimaPolicy AHIMA = new AhimaPolicy(2, 80, 40, LocalDate.of(2025, 1, 1), 180, 90, 180, 10, 50, 218, 50, 50);

  @Test
  void ahimaCycle_endsTheDayBeforeTheSameDateTwoYearsLater() {
    AhimaCycle first = AhimaCycle.first(LocalDate.of(2024, 8, 1), 2);

    assertThat(first.end()).isEqualTo(LocalDate.of(2026, 7, 31));
    assertThat(first.next(2, LocalDate.of(2025, 3, 1), 180, List.of())).isEqualTo(new AhimaCycle(
        2, LocalDate.of(2026, 8, 1), LocalDate.of(2028, 7, 31), LocalDate.of(2026, 8, 1), LocalDate.of(2024, 8, 1), List.of(), null));
  }

  @Test
  void ahimaCycle_startingOnLeapDay_endsOnTheLastDayOfFebruary() {
    assertThat(AhimaCycle.first(LocalDate.of(2024, 2, 29), 2).end()).isEqualTo(LocalDate.of(2026, 2, 28));
    assertThat(AhimaCycle.first(LocalDate.of(2022, 3, 1), 2).end()).isEqualTo(LocalDate.of(2024, 2, 29));
  }

  @Test
  void himssCycle_expiresAtMonthEndThreeYearsLater_andRenewalsFollow() {
    HimssCycle first = HimssCycle.first(CredentialCode.CAHIMS, LocalDate.of(2024, 4, 10), 3);

    assertThat(first.expiresOn()).isEqualTo(LocalDate.of(2027, 4, 30));
    assertThat(first.next(3, LocalDate.of(2025, 1, 1), 180).start()).isEqualTo(LocalDate.of(2027, 5, 1));
    assertThat(first.next(3, LocalDate.of(2025, 1, 1), 180).expiresOn()).isEqualTo(LocalDate.of(2030, 4, 30));
    assertThat(first.waiverDeadline(3)).isEqualTo(LocalDate.of(2027, 1, 31));
  }

  @Test
  void ahimaMulti_highestPlusTenPerExtra_cappedAtFifty() {
    CeuRequirement rhit = new CeuRequirement(CredentialCode.RHIT, 20, "RHIT-CEU");
    CeuRequirement ccs = new CeuRequirement(CredentialCode.CCS, 20, "CCS-ELIG");
    CeuRequirement rhia = new CeuRequirement(CredentialCode.RHIA, 30, "RHIA-CEU");
    CeuRequirement ccsp = new CeuRequirement(CredentialCode.CCS_P, 20, "CCS-ELIG");

    assertThat(AhimaRequirement.combine(List.of(rhit), AHIMA).ceus()).isEqualTo(20);
    assertThat(AhimaRequirement.combine(List.of(ccs, rhit), AHIMA).ceus()).isEqualTo(30);
    AhimaRequirement three = AhimaRequirement.combine(List.of(ccs, rhia, ccsp), AHIMA);
    assertThat(three.ceus()).isEqualTo(50);
    assertThat(three.primary()).isEqualTo(CredentialCode.RHIA);
    assertThat(three.counted()).containsExactly(CredentialCode.CCS, CredentialCode.CCS_P, CredentialCode.RHIA);
    assertThat(AhimaRequirement.combine(List.of(ccs, rhia, ccsp, rhit), AHIMA).ceus()).as("capped").isEqualTo(50);
  }

  @Test
  void hours_roundAndFormatWithoutBinaryNoise() {
    assertThat(Hours.format(0.1 + 0.2)).isEqualTo("0.3");
    assertThat(Hours.format(20.0)).isEqualTo("20");
    assertThat(Hours.format(5.25)).isEqualTo("5.25");
  }

  @Test
  void monthsLeft_countsAStartedMonthAsWhole_andPaceRoundsUp() {
    assertThat(Hours.monthsLeft(LocalDate.of(2026, 11, 22), LocalDate.of(2027, 7, 13))).isEqualTo(8);
    assertThat(Hours.monthsLeft(LocalDate.of(2026, 7, 31), LocalDate.of(2026, 7, 31))).isEqualTo(1);
    assertThat(Hours.monthsLeft(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31))).isEqualTo(12);
    assertThat(Hours.pace(14, 8)).isEqualTo(1.8);
  }
}
