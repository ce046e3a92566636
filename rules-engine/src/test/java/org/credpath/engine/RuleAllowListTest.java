package org.credpath.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The allow-list's edges, which the corpus reaches only through whole rule files. */
class RuleAllowListTest {
  private final RuleAllowList allow = new RuleAllowList(Set.of("fixture/Generated"));

  @Test
  void methodsEveryObjectInherits_areRefusedEvenOnGeneratedClasses() {
    assertThat(allow.method("fixture/Generated", "getClass", "()Ljava/lang/Class;")).contains("reflection");
    assertThat(allow.method("fixture/Generated", "wait", "()V")).isNotNull();
    assertThat(allow.method("fixture/Generated", "describe", "()Ljava/lang/String;")).isNull();
  }

  @Test
  void modelMethods_areAllowedOnlyWhereTheModelDeclaresThem() {
    assertThat(allow.method("org/credpath/model/fact/NoteFinding", "message", "()Lorg/credpath/model/fact/Message;")).isNull();
    assertThat(allow.method("org/credpath/model/fact/NoteFinding", "<init>", "(Ljava/lang/String;Ljava/lang/String;)V"))
        .isNull();
    assertThat(allow.method("org/credpath/model/profile/CredentialCode", "getDeclaringClass", "()Ljava/lang/Class;"))
        .isNotNull();
    assertThat(allow.method("org/credpath/model/fact/NoteFinding", "nickname", "()Ljava/lang/String;")).isNotNull();
  }

  @Test
  void sizesAndUnboundedTextMethods_areRefused() {
    assertThat(allow.method("java/lang/StringBuilder", "<init>", "(I)V")).contains("memory");
    assertThat(allow.method("java/lang/StringBuilder", "<init>", "(Ljava/lang/String;)V")).contains("memory");
    assertThat(allow.type("java/lang/StringBuffer")).contains("memory");
    assertThat(allow.method("java/lang/String", "indexOf", "(Ljava/lang/String;)I")).contains("product");
    assertThat(allow.method("java/lang/String", "lastIndexOf", "(Ljava/lang/String;I)I")).contains("product");
    assertThat(allow.method("java/lang/String", "contains", "(Ljava/lang/CharSequence;)Z")).contains("product");
    assertThat(allow.method("java/lang/String", "indexOf", "(I)I")).isNull();
    assertThat(allow.method("java/lang/String", "indexOf", "(II)I")).isNull();
    assertThat(allow.method("java/lang/String", "concat", "(Ljava/lang/String;)Ljava/lang/String;")).isNull();
    assertThat(allow.method("java/lang/String", "repeat", "(I)Ljava/lang/String;")).contains("memory");
    assertThat(allow.method("java/time/LocalDate", "now", "()Ljava/time/LocalDate;")).contains("clock");
    assertThat(allow.method("java/time/LocalDate", "plusDays", "(J)Ljava/time/LocalDate;")).isNull();
    assertThat(allow.method("java/util/ArrayList", "<init>", "(I)V")).isNotNull();
    // Quadratic on lists: refused; one-pass reads stay allowed.
    assertThat(allow.method("java/util/List", "containsAll", "(Ljava/util/Collection;)Z")).isNotNull();
    assertThat(allow.method("java/util/List", "contains", "(Ljava/lang/Object;)Z")).isNull();
    // Rules build no collections (nested lists sharing elements: exponential hashCode/equals/toString).
    assertThat(allow.method("java/util/List", "of", "([Ljava/lang/Object;)Ljava/util/List;")).isNotNull();
    assertThat(allow.method("java/util/Set", "copyOf", "(Ljava/util/Collection;)Ljava/util/Set;")).isNotNull();
    assertThat(allow.method("java/util/Arrays", "asList", "([Ljava/lang/Object;)Ljava/util/List;")).isNotNull();
    assertThat(allow.method("java/util/Collections", "unmodifiableList", "(Ljava/util/List;)Ljava/util/List;")).isNotNull();
    assertThat(allow.method("java/util/Collections", "emptyList", "()Ljava/util/List;")).isNull();
  }

  @Test
  void hostClassNames_cannotBeReusedByGeneratedClasses() {
    assertThat(allow.nameClash("org/credpath/engine/CredpathEngine")).isNotNull();
    assertThat(allow.nameClash("java/lang/Anything")).isNotNull();
    assertThat(allow.nameClash("fixture/RulesABC")).isNull();
  }

  @Test
  void clockAttributesAndRegularExpressions_areRefused() {
    assertThat(allow.field("org/drools/model/Rule$Attribute", "TIMER", "Lorg/drools/model/Rule$Attribute;", false))
        .contains("timer");
    assertThat(allow.field("org/drools/model/Rule$Attribute", "SALIENCE", "Lorg/drools/model/Rule$Attribute;", false))
        .isNull();
    assertThat(allow.field("org/drools/model/operators/MatchesOperator", "INSTANCE", "L;", false)).contains("matches");
  }
}
