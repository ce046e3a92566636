package org.example.embedding;

import java.time.LocalDate;
import java.util.List;
import org.credpath.engine.CredpathEngine;
import org.credpath.kb.BuiltInKnowledgeBase;
import org.credpath.model.profile.CandidateProfile;
import org.credpath.model.profile.CredentialCode;
import org.credpath.model.profile.Education;
import org.credpath.model.profile.EducationLevel;
import org.credpath.model.profile.EducationStatus;
import org.credpath.model.profile.HighSchool;
import org.credpath.model.profile.StudyField;
import org.credpath.model.result.EvaluationResult;
import org.credpath.model.result.NextStep;

/**
 * What an embedding application does: load the built-in knowledge base once, evaluate a profile
 * on a date it chooses, and use the result's codes. Run {@code main} to print one plan.
 */
public final class NextStepAdvisor {
  private NextStepAdvisor() {}

  /** Loaded once for the whole application: immutable and thread-safe, so every request shares it. */
  private static final CredpathEngine ENGINE = BuiltInKnowledgeBase.load();

  /** A graduate of an accredited HIM associate programme who aims for RHIT. */
  public static CandidateProfile graduate() {
    return new CandidateProfile("cand-0001", "CA", HighSchool.DIPLOMA,
        List.of(new Education(EducationLevel.ASSOCIATE, StudyField.HEALTH_INFORMATION_MANAGEMENT,
            true, false, EducationStatus.COMPLETED, LocalDate.of(2024, 5, 15))),
        List.of(), List.of(), List.of(), List.of(CredentialCode.RHIT), false);
  }

  public static EvaluationResult advise(CandidateProfile profile, LocalDate asOf) {
    return ENGINE.evaluate(profile, asOf);
  }

  public static void main(String[] args) {
    EvaluationResult result = advise(graduate(), LocalDate.of(2026, 11, 22));
    System.out.println("RHIT: " + result.credential("RHIT").status());
    for (NextStep step : result.nextSteps()) {
      System.out.println(step.code() + ": " + step.message());
    }
  }
}
