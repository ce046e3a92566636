package org.example.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.LocalDate;
import org.credpath.model.result.CredentialStatus;
import org.credpath.model.result.EvaluationResult;
import org.junit.jupiter.api.Test;

/** Runs the embedded engine from the installed artifacts: a real knowledge base, a real evaluation. */
class NextStepAdvisorTest {
  @Test
  void graduateOfAnAccreditedProgramme_isEligibleForRhit_andIsToldToScheduleTheExam() {
    EvaluationResult result = NextStepAdvisor.advise(NextStepAdvisor.graduate(), LocalDate.of(2026, 11, 22));

    assertEquals(CredentialStatus.ELIGIBLE, result.credential("RHIT").status());
    assertFalse(result.nextSteps().isEmpty());
    assertEquals("SCHEDULE_EXAM", result.nextSteps().get(0).code());
  }

  @Test
  void main_printsAPlan() {
    NextStepAdvisor.main(new String[0]);
  }
}
