package org.credpath.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.credpath.model.error.RulesException;
import org.credpath.model.profile.HighSchool;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rules compiled at build time ({@link BuildTimeRules}) and loaded from the class path: used only
 * when made from exactly the files being loaded and passing the bytecode check again; otherwise
 * never defined, and the files are compiled instead. The class path here is a temporary folder
 * laid out as rules-kb's jar is: {@code kb/} with the rule files, {@code kb.compiled-rules} beside it.
 */
class BuildTimeRulesTest {
  @TempDir Path classpath;
  private Path kb;
  private Path built;

  @BeforeEach
  void buildTheFixtureAhead() throws IOException {
    kb = classpath.resolve("kb");
    Files.createDirectories(kb);
    for (Map.Entry<String, String> file : Fixtures.minimalFiles().entrySet()) {
      Files.writeString(kb.resolve(file.getKey()), file.getValue());
    }
    built = classpath.resolve("kb" + BuildTimeRules.SUFFIX);
    assertThat(BuildTimeRules.build(kb, built)).as("compiled").isTrue();
  }

  private RuleSource onTheClassPath() throws IOException {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classpath.toUri().toURL()}, null)) {
      return RuleSource.classpath("kb", loader);
    }
  }

  /** Edits the built-in fixture after its classes were built: adds a rule matching any candidate. */
  private void appendRule(String name, String consequence) throws IOException {
    Path drl = kb.resolve("cahims.drl");
    Files.writeString(drl, Files.readString(drl) + "\nrule \"" + name + "\"\nwhen\n    Candidate()\nthen\n    "
        + consequence + "\nend\n");
  }

  @Test
  void builtClasses_areLoadedWithoutCompiling_andEvaluateLikeARunTimeCompile() throws IOException {
    CredpathEngine ahead = CredpathEngine.load(onTheClassPath());
    CredpathEngine compiled = CredpathEngine.load(RuleSource.directory(kb));

    assertThat(ahead.compiledAt()).isEqualTo(CompiledAt.BUILD);
    assertThat(compiled.compiledAt()).as("a folder always compiles").isEqualTo(CompiledAt.LOAD);
    for (HighSchool hs : HighSchool.values()) {
      assertThat(ahead.evaluate(Fixtures.profile("x", hs), Fixtures.AS_OF))
          .isEqualTo(compiled.evaluate(Fixtures.profile("x", hs), Fixtures.AS_OF));
    }
    assertThat(ahead.ruleNames()).isEqualTo(compiled.ruleNames());
    assertThat(ahead.warnings()).isEqualTo(compiled.warnings());
    assertThat(ahead.withLimits(EvaluationLimits.SMOKE).compiledAt()).isEqualTo(CompiledAt.BUILD);
  }

  @Test
  void aSecondBuildOfTheSameFiles_writesNothing() throws IOException {
    long before = Files.getLastModifiedTime(built).toMillis();
    assertThat(BuildTimeRules.build(kb, built)).isFalse();
    assertThat(Files.getLastModifiedTime(built).toMillis()).isEqualTo(before);
  }

  @Test
  void staleBuiltClasses_areIgnored_andTheEditedFilesCompiled() throws IOException {
    Path drl = kb.resolve("cahims.drl");
    Files.writeString(drl, Files.readString(drl).replace("\"A diploma\"", "\"A diploma, edited\""));

    CredpathEngine engine = CredpathEngine.load(onTheClassPath());

    assertThat(engine.compiledAt()).isEqualTo(CompiledAt.LOAD);
    assertThat(engine.evaluate(Fixtures.profile("x", HighSchool.NONE), Fixtures.AS_OF).credential("CAHIMS").missing())
        .containsExactly("A diploma, edited");
  }

  @Test
  void anyEditedFile_notOnlyADrlFile_makesTheBuiltClassesStale() throws IOException {
    Files.writeString(kb.resolve("kb.properties"), Files.readString(kb.resolve("kb.properties")) + "# edited\n");

    assertThat(CredpathEngine.load(onTheClassPath()).compiledAt()).isEqualTo(CompiledAt.LOAD);
  }

  @Test
  void swappedBuiltClasses_areNeverDefined_andTheFilesCompiled() throws IOException {
    Path marker = classpath.resolve("created-by-a-swapped-class");
    // A jar rebuilt by hand: classes compiled from a hostile file, under the manifest of the clean files.
    try (OutputStream out = Files.newOutputStream(built)) {
      CompiledRulesCache.writeEntry(out, RuleSource.directory(kb).sha256(), Fixtures.compiledFileCreator(marker));
    }

    CredpathEngine engine = CredpathEngine.load(onTheClassPath());

    assertThat(engine.compiledAt()).isEqualTo(CompiledAt.LOAD);
    assertThat(engine.evaluate(Fixtures.profile("x", HighSchool.GED), Fixtures.AS_OF).credentials()).isNotEmpty();
    assertThat(marker).doesNotExist();
  }

  @Test
  void theBuildListsTheFiles_andAStartReadsThoseByName() throws IOException {
    assertThat(Files.readAllLines(classpath.resolve("kb" + BuildTimeRules.INDEX_SUFFIX)))
        .containsExactly("cahims.drl", "kb.properties", "policies.txt");
    Files.writeString(kb.resolve("notes.drl"), "not even DRL: never read, as it is not listed");

    assertThat(onTheClassPath().files()).containsOnlyKeys("cahims.drl", "kb.properties", "policies.txt");
    assertThat(CredpathEngine.load(onTheClassPath()).compiledAt()).isEqualTo(CompiledAt.BUILD);
  }

  @Test
  void staleBuiltClasses_fallBackToTheFullDoor_textGuardFirst() throws IOException {
    Path marker = classpath.resolve("created-by-an-edited-rule");
    appendRule("T-HS: edited in",
        "System.exit( 3 ); java.nio.file.Files.createFile( java.nio.file.Path.of( \"%s\" ) );".formatted(marker));

    assertThatThrownBy(() -> CredpathEngine.load(onTheClassPath()))
        .isInstanceOfSatisfying(RulesException.class, e -> assertThat(e.problems())
            .allSatisfy(p -> assertThat(p.file()).isEqualTo("cahims.drl")).anySatisfy(p -> assertThat(p.line()).isPositive()));
    assertThat(marker).doesNotExist();
  }

  /**
   * A start with usable built classes skips the checks of the rule texts that the build ran on the
   * same files (rule names, credentials and thresholds the rules use); stale classes must not let
   * a rule through that fails one: refused at its line, before compiling.
   */
  @Test
  void staleBuiltClasses_fallBackToTheFullDoor_textChecksBeforeCompiling() throws IOException {
    String clean = Files.readString(kb.resolve("cahims.drl"));
    Map<String, List<String>> cases = Map.of(
        "rule \"NOPE-1: cites no catalogued policy\" when Candidate() then end", List.of("NOPE-1", RuleSource.CATALOGUE),
        "rule \"T-HS: names an unlisted credential\" when Candidate() then insertLogical( CredentialFinding.of("
            + " CredentialCode.of( \"CHD_X\" ), CredentialStatus.ELIGIBLE, \"T-HS\" ) ); end",
        List.of("CHD_X", KnownCredentials.FILE),
        "rule \"T-HS: reads an undefined threshold\" when Candidate() then intValue( \"nope.months\" ); end",
        List.of("nope", "thresholds"));
    for (Map.Entry<String, List<String>> c : cases.entrySet()) {
      Files.writeString(kb.resolve("cahims.drl"), clean + "\n" + c.getKey() + "\n");

      assertThatThrownBy(() -> CredpathEngine.load(onTheClassPath())).as(c.getKey())
          .isInstanceOfSatisfying(RulesException.class, e -> assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("cahims.drl");
            assertThat(p.line()).isPositive();
            assertThat(p.message()).contains(c.getValue());
          }));
    }
  }

  @Test
  void anErrorWhileReadingTheBuiltClasses_endsTheLoad_neverHangsIt() throws IOException {
    // Review F1/F2: an Error on the check thread (a damaged jar: NoClassDefFoundError...) must reach
    // the loading thread, as it did when that thread was a CompletableFuture task, not leave it waiting.
    InternalError damaged = new InternalError("the jar is damaged");
    java.net.URLStreamHandler failing = new java.net.URLStreamHandler() {
      @Override
      protected java.net.URLConnection openConnection(URL u) {
        throw damaged;
      }
    };
    ClassLoader loader = new URLClassLoader(new URL[] {classpath.toUri().toURL()}, null) {
      @Override
      public URL getResource(String name) {
        try {
          return name.endsWith(BuildTimeRules.SUFFIX) ? new URL(null, "damaged:" + name, failing) : super.getResource(name);
        } catch (java.net.MalformedURLException e) {
          throw new IllegalStateException(e);
        }
      }
    };
    RuleSource source = RuleSource.classpath("kb", loader);

    assertTimeoutPreemptively(java.time.Duration.ofSeconds(60), () -> assertThatThrownBy(() -> CredpathEngine.load(source))
        .isInstanceOf(java.util.concurrent.CompletionException.class).hasCause(damaged));
  }

  @Test
  void damagedBuiltClasses_areIgnored() throws IOException {
    Files.writeString(built, "not compiled rules");

    assertThat(CredpathEngine.load(onTheClassPath()).compiledAt()).isEqualTo(CompiledAt.LOAD);
  }

  @Test
  void brokenRules_failTheBuild_withTheirLine_andWriteNothing() throws IOException {
    Files.writeString(kb.resolve("bad.drl"), Fixtures.drl("rule \"T-HS: x\" when Candidate( then end"));
    Path other = classpath.resolve("other" + BuildTimeRules.SUFFIX);

    assertThatThrownBy(() -> BuildTimeRules.build(kb, other))
        .isInstanceOfSatisfying(RulesException.class,
            e -> assertThat(e.problems()).anySatisfy(p -> {
              assertThat(p.file()).isEqualTo("bad.drl");
              assertThat(p.line()).isPositive();
            }));
    assertThat(other).doesNotExist();
    try (var left = Files.list(classpath)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("kb", "kb" + BuildTimeRules.SUFFIX, "kb" + BuildTimeRules.INDEX_SUFFIX);
    }
  }
}
