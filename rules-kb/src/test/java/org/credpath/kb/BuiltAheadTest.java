package org.credpath.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.credpath.engine.CompiledAt;
import org.credpath.engine.CredpathEngine;
import org.credpath.engine.RuleSource;
import org.credpath.population.PopulationGenerator;
import org.credpath.population.PopulationGenerator.Sample;
import org.junit.jupiter.api.Test;

/**
 * The built-in rules start from the classes the build compiled ({@code credpath-kb.compiled-rules},
 * written by rules-kb's {@code process-classes} step), not from a compile, and those classes give
 * exactly what a run-time compile of the same files gives.
 */
class BuiltAheadTest {
  @Test
  void theBuiltInRulesAreLoadedFromTheBuild_andEvaluateLikeARunTimeCompileOfTheSameFiles() {
    RuleSource builtIn = BuiltInKnowledgeBase.source();
    CredpathEngine ahead = BuiltInKnowledgeBase.load();
    CredpathEngine compiled = CredpathEngine.load(RuleSource.of("the built-in files, compiled now", builtIn.files()));

    assertThat(ahead.compiledAt()).isEqualTo(CompiledAt.BUILD);
    assertThat(compiled.compiledAt()).isEqualTo(CompiledAt.LOAD);
    assertThat(ahead.knowledgeBase()).isEqualTo(compiled.knowledgeBase());
    assertThat(ahead.ruleNames()).isEqualTo(compiled.ruleNames());
    assertThat(ahead.warnings()).isEqualTo(compiled.warnings());

    PopulationGenerator generator = new PopulationGenerator(20261124L);
    for (int i = 0; i < 500; i++) {
      Sample s = generator.sample(i);
      assertThat(ahead.evaluate(s.profile(), s.asOf())).as(s.profile().id()).isEqualTo(compiled.evaluate(s.profile(), s.asOf()));
      if (i % 10 == 0) {
        assertThat(ahead.evaluate(s.profile(), s.asOf(), Locale.forLanguageTag("es")))
            .isEqualTo(compiled.evaluate(s.profile(), s.asOf(), Locale.forLanguageTag("es")));
      }
    }
  }
}
