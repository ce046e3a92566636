package org.credpath.engine;

import java.time.LocalDate;
import java.util.List;
import org.credpath.model.error.EvaluationException;
import org.credpath.model.error.RuleProblem;
import org.credpath.model.profile.CandidateProfile;
import org.credpath.model.profile.CeProvider;
import org.credpath.model.profile.CeuActivity;
import org.credpath.model.profile.CredentialCode;
import org.credpath.model.profile.Education;
import org.credpath.model.profile.EducationLevel;
import org.credpath.model.profile.EducationStatus;
import org.credpath.model.profile.Experience;
import org.credpath.model.profile.ExperienceKind;
import org.credpath.model.profile.HeldCredential;
import org.credpath.model.profile.HighSchool;
import org.credpath.model.profile.StudyField;

/**
 * Evaluates a few varied profiles right after compiling. Some DRL type errors (a number compared
 * with a string, say) compile cleanly and fail only when a fact reaches them; this turns them
 * into load errors that name the rule, instead of failures in the middle of a batch.
 */
final class SmokeCheck {
  static final LocalDate AS_OF = LocalDate.of(2026, 1, 15);

  private SmokeCheck() {}

  static List<CandidateProfile> profiles() {
    Education himAssociate = new Education(EducationLevel.ASSOCIATE, StudyField.HEALTH_INFORMATION_MANAGEMENT,
        true, false, EducationStatus.COMPLETED, LocalDate.of(2020, 5, 1));
    Education unaccredited = new Education(EducationLevel.BACHELOR, StudyField.HEALTH_INFORMATION_MANAGEMENT,
        false, false, EducationStatus.FINAL_TERM, null);
    Education foreign = new Education(EducationLevel.MASTER, StudyField.HEALTH_INFORMATICS,
        false, true, EducationStatus.COMPLETED, LocalDate.of(2015, 1, 1));
    Experience clerk = new Experience("clerk", 30,
        List.of(ExperienceKind.CLERICAL, ExperienceKind.HEALTHCARE, ExperienceKind.CODING, ExperienceKind.INFORMATION_SYSTEMS));
    List<CeuActivity> ceus = List.of(
        new CeuActivity(LocalDate.of(2021, 3, 1), 12.5, CeProvider.AHIMA, true, true),
        new CeuActivity(LocalDate.of(2023, 3, 1), 30, CeProvider.HIMSS, false, true),
        new CeuActivity(LocalDate.of(2025, 6, 1), 4, CeProvider.OTHER, true, false));
    return List.of(
        new CandidateProfile("smoke-none", null, HighSchool.NONE, null, null, null, null, null, false),
        new CandidateProfile("smoke-student", "CA", HighSchool.GED, List.of(unaccredited, foreign), List.of(clerk),
            null, null, List.of(CredentialCode.RHIA, CredentialCode.CPHIMS), true),
        new CandidateProfile("smoke-holder", "NY", HighSchool.DIPLOMA, List.of(himAssociate), List.of(clerk),
            List.of(new HeldCredential(CredentialCode.RHIT, LocalDate.of(2020, 8, 1), null),
                new HeldCredential(CredentialCode.CAHIMS, LocalDate.of(2020, 9, 1), null),
                new HeldCredential(CredentialCode.CCS, LocalDate.of(2022, 9, 1), LocalDate.of(2024, 8, 1))),
            ceus, List.of(), false));
  }

  private static final java.util.regex.Pattern NEAR =
      java.util.regex.Pattern.compile("\\[Near : \\{\\.\\.\\. (.*?) \\.\\.\\.\\.}]");

  /** The expression MVEL quotes as "[Near : {... hours == "abc" ....}]", if any. */
  private static String nearText(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      java.util.regex.Matcher m = NEAR.matcher(String.valueOf(t.getMessage()));
      if (m.find()) {
        return m.group(1).strip();
      }
    }
    return null;
  }

  /** Null when every profile evaluates, else a problem placed at the failing rule. */
  static RuleProblem run(RuleSource source, java.util.function.Function<CandidateProfile, ?> evaluate) {
    for (CandidateProfile profile : profiles()) {
      try {
        evaluate.apply(profile);
      } catch (EvaluationException e) {
        String message = "fails at run time on a sample profile: " + DroolsMessages.plainWords(
            e.getCause() == null ? e.getMessage() : String.valueOf(e.getCause().getMessage()));
        RuleLocator.Location where = e.ruleName() != null
            ? RuleLocator.find(source, e.ruleName())
            : RuleLocator.findText(source, nearText(e));
        if (where == null) {
          return RuleProblem.error(source.origin(), 0, 0, message);
        }
        String rule = where.name() == null ? "" : "rule \"" + where.name() + "\" ";
        // A bound's message already names the rule: say it once.
        return RuleProblem.error(where.file(), where.line(), where.column(), rule + message.replace(": " + rule, ": "));
      }
    }
    return null;
  }
}
