package org.credpath.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.credpath.engine.CredpathEngine;
import org.credpath.model.profile.CandidateProfile;
import org.credpath.model.profile.CredentialCode;
import org.credpath.model.profile.Education;
import org.credpath.model.profile.EducationLevel;
import org.credpath.model.profile.EducationStatus;
import org.credpath.model.profile.HighSchool;
import org.credpath.model.profile.StudyField;
import org.credpath.model.result.CredentialStatus;
import org.credpath.model.result.EvaluationResult;
import org.junit.jupiter.api.Test;

/** The README's embedding example, compiled and run; a second test keeps the README in step with it. */
class ReadmeEmbeddingExampleTest {
  private static final Path SOURCE = Path.of("src/test/java/org/credpath/kb/ReadmeEmbeddingExampleTest.java");
  private static final Path README = Path.of("../README.md");

  @Test
  void example_compilesAndGivesTheVerdictTheReadmeShows() {
    // README-BEGIN
    CredpathEngine engine = BuiltInKnowledgeBase.load(); // once: immutable and thread-safe, share it
    CandidateProfile profile = new CandidateProfile("cand-0001", "CA", HighSchool.DIPLOMA,
        List.of(new Education(EducationLevel.ASSOCIATE, StudyField.HEALTH_INFORMATION_MANAGEMENT,
            true, false, EducationStatus.COMPLETED, LocalDate.of(2024, 5, 15))),
        List.of(), List.of(), List.of(), List.of(CredentialCode.RHIT), false);
    EvaluationResult result = engine.evaluate(profile, LocalDate.of(2026, 11, 22)); // from any thread
    CredentialStatus rhit = result.credential("RHIT").status(); // ELIGIBLE
    String firstStep = result.nextSteps().get(0).code();        // SCHEDULE_EXAM
    // README-END

    assertThat(rhit).isEqualTo(CredentialStatus.ELIGIBLE);
    assertThat(firstStep).isEqualTo("SCHEDULE_EXAM");
  }

  @Test
  void readme_showsExactlyThisExample() throws IOException {
    String source = Files.readString(SOURCE);
    String block = source.substring(source.indexOf("// README-BEGIN") + "// README-BEGIN".length(),
        source.indexOf("    // README-END"));
    String readme = Files.readString(README);
    for (String line : block.strip().split("\n")) {
      assertThat(readme).as("README.md must contain the example line").contains(line.strip());
    }
  }
}
