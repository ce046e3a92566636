package org.credpath.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The limit system properties the CLI and the service document (README, Guard-rails). */
class EvaluationLimitsTest {
  @AfterEach
  void clear() {
    System.clearProperty(EvaluationLimits.DEADLINE_PROPERTY);
    System.clearProperty(EvaluationLimits.MEMORY_PROPERTY);
    System.clearProperty(EvaluationLimits.FIRINGS_PROPERTY);
  }

  @Test
  void unset_isTheDefault() {
    assertThat(EvaluationLimits.configured()).isEqualTo(EvaluationLimits.DEFAULT);
  }

  @Test
  void set_changesEachBound() {
    System.setProperty(EvaluationLimits.DEADLINE_PROPERTY, "2500");
    System.setProperty(EvaluationLimits.MEMORY_PROPERTY, "128");
    System.setProperty(EvaluationLimits.FIRINGS_PROPERTY, " 900 ");
    assertThat(EvaluationLimits.configured()).isEqualTo(new EvaluationLimits(Duration.ofMillis(2500), 128L << 20, 900));
  }

  @Test
  void notAPositiveWholeNumber_isRefusedNamingTheProperty() {
    for (String bad : new String[] {"0", "-5", "1.5", "10s", "99999999999999999999"}) {
      System.setProperty(EvaluationLimits.MEMORY_PROPERTY, bad);
      assertThatThrownBy(EvaluationLimits::configured).as(bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(EvaluationLimits.MEMORY_PROPERTY);
    }
    System.setProperty(EvaluationLimits.MEMORY_PROPERTY, String.valueOf(Long.MAX_VALUE));
    assertThatThrownBy(EvaluationLimits::configured).hasMessageContaining("too large");
  }

  @Test
  void anEngineLoadedWithThePropertiesSet_usesThem() {
    System.setProperty(EvaluationLimits.DEADLINE_PROPERTY, "3000");
    CredpathEngine engine = CredpathEngine.load(RuleSource.directory(Fixtures.minimalDir()));
    assertThat(engine.limits().deadline()).isEqualTo(Duration.ofMillis(3000));
  }
}
