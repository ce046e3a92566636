package org.credpath.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import org.credpath.model.error.RuleProblem;
import org.credpath.model.error.RulesException;
import org.credpath.model.profile.HighSchool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile rule files are refused before they are compiled, with a located message, and the
 * process lives on. (Were {@code System.exit} to run, this test JVM would die and the build fail.)
 */
class GuardRailsTest {
  @TempDir Path tmp;

  private static RuleProblem refused(String drl) {
    RulesException e = catchThrowableOfType(RulesException.class,
        () -> CredpathEngine.load(Fixtures.minimalWith("hostile.drl", drl)));
    assertThat(e).as("the hostile file must be refused").isNotNull();
    assertThat(e.problems()).isNotEmpty();
    return e.problems().get(0);
  }

  @Test
  void systemExit_refusedAtItsLineAndColumn() {
    RuleProblem problem = refused(Fixtures.drl("""
        rule "T-HS: ends the process"
        when
            Candidate()
        then
            System.exit( 42 );
        end
        """));

    assertThat(problem.toString()).isEqualTo(
        "hostile.drl:10:5: error: `System` is not allowed in rule files: it reaches the running process (exit, properties, streams)");
    assertThat(CredpathEngine.load(RuleSource.directory(Fixtures.minimalDir()))
        .evaluate(Fixtures.profile("alive", HighSchool.GED), Fixtures.AS_OF).credentials()).isNotEmpty();
  }

  @Test
  void fileWrite_throughAFullyQualifiedName_refused() {
    Path target = tmp.resolve("pwned.txt");
    RuleProblem problem = refused(Fixtures.drl("""
        rule "T-HS: writes a file"
        when
            Candidate()
        then
            java.nio.file.Files.writeString( java.nio.file.Path.of( "%s" ), "x" );
        end
        """.formatted(target)));

    assertThat(problem.message()).contains("java.nio.file.Files.writeString").contains("not allowed");
    assertThat(Files.exists(target)).isFalse();
  }

  @Test
  void forbiddenImport_refused() {
    RuleProblem problem = refused("""
        package fixture;
        import java.io.File;
        import org.credpath.model.fact.*;
        rule "T-HS: imports java.io"
        when Candidate()
        then
        end
        """);

    assertThat(problem.toString()).startsWith("hostile.drl:2:8: error: import of `java.io.File` is not allowed");
  }

  @Test
  void reflectionThreadsAndTheClock_refused() {
    RulesException e = catchThrowableOfType(RulesException.class, () -> CredpathEngine.load(Fixtures.minimalWith("hostile.drl",
        Fixtures.drl("""
            rule "T-HS: misbehaves"
            when
                Candidate()
            then
                Object o = "".getClass().forName( "java.lang.Runtime" );
                new Thread( () -> {} ).start();
                java.time.LocalDate today = java.time.LocalDate.now();
            end
            """))));

    assertThat(e.problems()).extracting(RuleProblem::message)
        .anyMatch(m -> m.startsWith("`getClass`"))
        .anyMatch(m -> m.startsWith("`forName`"))
        .anyMatch(m -> m.startsWith("`Thread`"))
        .anyMatch(m -> m.startsWith("`now`") && m.contains("asOf"));
  }

  @Test
  void forbiddenWordsInCommentsAndStrings_areNotFlagged() {
    CredpathEngine engine = CredpathEngine.load(Fixtures.minimalWith("quiet.drl", Fixtures.drl("""
        // System.exit would be refused here, but this is a comment
        rule "T-HS: mentions System in text only"
        when
            Candidate( id == "System.exit" )
        then
            insertLogical( new NoteFinding( "T-HS", "Thread, File and System are just words here" ) );
        end
        """)));

    assertThat(engine.ruleNames()).contains("T-HS: mentions System in text only");
  }

  @Test
  void symbolicLinksInARulesFolder_refusedWithoutReadingWhatTheyPointTo() throws Exception {
    Path secret = Files.writeString(tmp.resolve("secret.txt"), "SECRET_TOKEN\n");
    Path rules = Files.createDirectories(tmp.resolve("rules"));
    for (var file : Fixtures.minimalFiles().entrySet()) {
      Files.writeString(rules.resolve(file.getKey()), file.getValue());
    }
    Files.createSymbolicLink(rules.resolve("zz-link.drl"), secret);
    Files.createSymbolicLink(rules.resolve("data"), tmp);

    RulesException e = catchThrowableOfType(RulesException.class,
        () -> CredpathEngine.load(RuleSource.directory(rules)));

    assertThat(e).isNotNull();
    assertThat(e.problems()).extracting(RuleProblem::file).containsExactly("data", "zz-link.drl");
    assertThat(e.problems()).allSatisfy(p -> assertThat(p.message()).contains("is a symbolic link")
        .doesNotContain("SECRET_TOKEN"));
  }
}
