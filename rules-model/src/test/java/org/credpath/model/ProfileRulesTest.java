package org.credpath.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.credpath.model.profile.CandidateProfile;
import org.credpath.model.profile.CeProvider;
import org.credpath.model.profile.CeuActivity;
import org.credpath.model.profile.CredentialCode;
import org.credpath.model.profile.FieldProblem;
import org.credpath.model.profile.HeldCredential;
import org.credpath.model.profile.HighSchool;
import org.credpath.model.profile.InvalidFieldException;
import org.credpath.model.profile.ProfileValidator;
import org.junit.jupiter.api.Test;

class ProfileRulesTest {
  @Test
  void ceuActivity_hoursOutsideRange_refusedNamingTheField() {
    assertThatThrownBy(() -> new CeuActivity(LocalDate.of(2025, 1, 1), -3, CeProvider.AHIMA, true, false))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("hours"));
    assertThatThrownBy(() -> new CeuActivity(LocalDate.of(2025, 1, 1), 100.5, null, true, false))
        .isInstanceOf(InvalidFieldException.class);
    assertThat(new CeuActivity(LocalDate.of(2025, 1, 1), 100, null, false, false).provider()).isEqualTo(CeProvider.OTHER);
  }

  @Test
  void profile_missingListsBecomeEmpty_badStateRefused() {
    CandidateProfile profile = new CandidateProfile("a", "DC", HighSchool.GED, null, null, null, null, null, false);
    assertThat(profile.education()).isEmpty();
    assertThatThrownBy(() -> new CandidateProfile("a", "XX", HighSchool.GED, null, null, null, null, null, false))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("state"));
    assertThatThrownBy(() -> new CandidateProfile("a", null, null, null, null, null, null, null, false))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("highSchool"));
  }

  @Test
  void cycleStartBeforeEarnedOn_refused() {
    assertThatThrownBy(() -> new HeldCredential(CredentialCode.RHIT, LocalDate.of(2024, 1, 1), LocalDate.of(2023, 1, 1)))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("cycleStart"));
  }

  @Test
  void validator_futureDatesAndRepeatedCredential_reportedWithPathsAndNoValues() {
    CandidateProfile profile = new CandidateProfile("a", null, HighSchool.DIPLOMA, null, null,
        List.of(new HeldCredential(CredentialCode.RHIT, LocalDate.of(2020, 1, 1), null),
            new HeldCredential(CredentialCode.RHIT, LocalDate.of(2021, 1, 1), null)),
        List.of(new CeuActivity(LocalDate.of(2026, 12, 1), 5, CeProvider.AHIMA, true, false)), null, false);

    List<FieldProblem> problems = ProfileValidator.problems(profile, LocalDate.of(2026, 11, 22), org.credpath.model.profile.CredentialCode.builtIn());

    assertThat(problems).extracting(FieldProblem::path)
        .containsExactly("$.credentials[1].code", "$.continuingEducation[0].date");
    assertThat(problems).extracting(FieldProblem::message).noneMatch(m -> m.contains("2026-12-01"));
  }
}
