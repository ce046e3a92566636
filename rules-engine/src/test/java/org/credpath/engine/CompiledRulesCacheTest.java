package org.credpath.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.credpath.model.profile.HighSchool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompiledRulesCacheTest {
  @TempDir Path cache;

  private long entries() throws IOException {
    try (Stream<Path> files = Files.list(cache)) {
      return files.filter(f -> f.toString().endsWith(".rules")).count();
    }
  }

  @Test
  void secondLoad_comesFromTheCache_andEvaluatesTheSame() throws IOException {
    RuleSource source = RuleSource.directory(Fixtures.minimalDir());
    CredpathEngine compiled = CredpathEngine.load(source, cache);
    assertThat(entries()).isEqualTo(1);

    CredpathEngine cached = CredpathEngine.load(source, cache);

    for (HighSchool hs : HighSchool.values()) {
      assertThat(cached.evaluate(Fixtures.profile("x", hs), Fixtures.AS_OF))
          .isEqualTo(compiled.evaluate(Fixtures.profile("x", hs), Fixtures.AS_OF));
    }
    assertThat(cached.ruleNames()).isEqualTo(compiled.ruleNames());
  }

  @Test
  void editedRules_areNeverServedFromAnOlderEntry() throws IOException {
    CredpathEngine.load(RuleSource.directory(Fixtures.minimalDir()), cache);
    Map<String, String> edited = Fixtures.minimalFiles();
    edited.put("cahims.drl", edited.get("cahims.drl").replace("\"A diploma\"", "\"A diploma, edited\""));

    CredpathEngine engine = CredpathEngine.load(RuleSource.of("edited", edited), cache);

    assertThat(engine.evaluate(Fixtures.profile("x", HighSchool.NONE), Fixtures.AS_OF).credential("CAHIMS").missing())
        .containsExactly("A diploma, edited");
    assertThat(entries()).isEqualTo(2);
  }

  @Test
  void corruptEntry_isIgnoredAndTheRulesAreCompiledAgain() throws IOException {
    RuleSource source = RuleSource.directory(Fixtures.minimalDir());
    CredpathEngine.load(source, cache);
    try (Stream<Path> files = Files.list(cache)) {
      Files.writeString(files.filter(f -> f.toString().endsWith(".rules")).findFirst().orElseThrow(), "not a knowledge base");
    }

    CredpathEngine engine = CredpathEngine.load(source, cache);

    assertThat(engine.evaluate(Fixtures.profile("x", HighSchool.GED), Fixtures.AS_OF).credentials()).isNotEmpty();
  }

  @Test
  void tamperedEntry_holdingHostileClasses_isNeverLoaded_andTheRulesAreCompiledAgain() throws IOException {
    RuleSource source = RuleSource.directory(Fixtures.minimalDir());
    Path marker = cache.resolve("created-by-a-planted-class");
    // Classes compiled from a hostile file (the compiler alone checks nothing), planted under the
    // key of the clean rules, as someone with write access to the cache folder could.
    new CompiledRulesCache(cache).write(source.sha256(), Fixtures.compiledFileCreator(marker));
    assertThat(entries()).isEqualTo(1);

    assertThat(RuleBytecodeCheck.refusals(new CompiledRulesCache(cache).read(source.sha256()))).isNotEmpty();

    CredpathEngine engine = CredpathEngine.load(source, cache);

    assertThat(engine.evaluate(Fixtures.profile("x", HighSchool.GED), Fixtures.AS_OF).credentials()).isNotEmpty();
    assertThat(marker).doesNotExist();
    assertThat(RuleBytecodeCheck.refusals(new CompiledRulesCache(cache).read(source.sha256())))
        .as("the planted entry was replaced by the clean compile").isEmpty();
  }

  @Test
  void entryWithAClassThatCannotBeParsed_isNeverLoaded() throws IOException {
    RuleSource source = RuleSource.directory(Fixtures.minimalDir());
    new CompiledRulesCache(cache).write(source.sha256(),
        new CompiledRules(Map.of("fixture/Damaged", new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61, 0, 9})));

    assertThat(RuleBytecodeCheck.refusals(new CompiledRulesCache(cache).read(source.sha256())))
        .extracting(RuleBytecodeCheck.Refusal::message).contains("the compiled rules are damaged and cannot be checked");
    assertThat(CredpathEngine.load(source, cache).evaluate(Fixtures.profile("x", HighSchool.GED), Fixtures.AS_OF)
        .credentials()).isNotEmpty();
  }

  @Test
  void brokenRules_areRefusedEvenWithACache_andNothingIsCached() throws IOException {
    Map<String, String> broken = Fixtures.minimalFiles();
    broken.put("bad.drl", Fixtures.drl("rule \"T-HS: x\" when Candidate( then end"));

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> CredpathEngine.load(RuleSource.of("broken", broken), cache))
        .isInstanceOf(org.credpath.model.error.RulesException.class);
    assertThat(Files.exists(cache) ? entries() : 0).isZero();
  }
}
