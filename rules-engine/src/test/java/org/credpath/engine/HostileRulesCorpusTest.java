package org.credpath.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.credpath.model.error.EvaluationException;
import org.credpath.model.error.RuleProblem;
import org.credpath.model.error.RulesException;
import org.credpath.model.fact.Message;
import org.credpath.model.profile.HighSchool;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The adversarial corpus: rule files written as a hostile editor would, one bypass class each.
 * Every one must be refused before any of its code runs, at a {@code hostile.drl} line, with no
 * side effect (the marker file is never created, the watched folder stays empty), the JVM alive
 * (were System.exit or halt to run, this JVM would die and the build fail) and within a time bound.
 *
 * <p>Each file is checked twice: through {@link CredpathEngine#load} (text guard, compile,
 * bytecode check) and through the compile and bytecode check alone, so that the bytecode check is
 * shown to refuse it even where the text guard would have caught it first.
 */
class HostileRulesCorpusTest {
  @TempDir static Path tmp;

  /** %1$s is a marker file no hostile file may create; %2$s a folder that must stay empty. */
  static Stream<Arguments> corpus() {
    List<Arguments> cases = new ArrayList<>();
    add(cases, "qualified name split over two lines", """
        then
            java
              .nio.file.FileSystems.getDefault().getPath( "%1$s" ).toFile().createNewFile();
        """);
    add(cases, "quotes written as \\u0022", """
        then
            String s = "\\u0022; java.lang.System.exit( 42 ); String t = \\u0022";
        """);
    add(cases, "unicode escape hiding a call", """
        then
            \\u006a\\u0061va.lang.Runtime.getRuntime().halt( 1 );
        """);
    add(cases, "java.beans.Expression through a class loader", """
        then
            Object r = new java
              .beans.Expression( Candidate.class.getClassLoader().loadClass( "java.lang.Runtime" ), "getRuntime", new Object[0] ).getValue();
        """);
    add(cases, "while (true) in a consequence", """
        then
            while ( true ) { }
        """);
    add(cases, "for (;;) counting in a consequence", """
        then
            int n = 0;
            for ( ;; ) { n++; }
        """);
    add(cases, "do/while loop", """
        then
            int n = 0;
            do { n++; } while ( n > 0 );
        """);
    addRaw(cases, "function body writes a file", """
        function void boom() {
            java.nio.file.Files.createFile( java.nio.file.Path.of( "%1$s" ) );
        }
        rule "T-HS: hostile"
        when
            Candidate()
        then
            boom();
        end
        """);
    addRaw(cases, "recursion through a function", """
        function int deep( int n ) {
            return deep( n + 1 );
        }
        rule "T-HS: hostile"
        when
            Candidate()
        then
            insertLogical( new NoteFinding( "T-HS", "" + deep( 0 ) ) );
        end
        """);
    addRaw(cases, "mutual recursion through two functions", """
        function int ping( int n ) {
            return pong( n + 1 );
        }
        function int pong( int n ) {
            return ping( n + 1 );
        }
        rule "T-HS: hostile"
        when
            Candidate()
        then
            insertLogical( new NoteFinding( "T-HS", "" + ping( 0 ) ) );
        end
        """);
    addRaw(cases, "accumulate init/action/result code", """
        rule "T-HS: hostile"
        when
            $n : Integer() from accumulate( Candidate(),
                init( int count = 0; java.nio.file.Files.createFile( java.nio.file.Path.of( "%1$s" ) ); ),
                action( count++; ),
                result( count ) )
        then
        end
        """);
    cases.add(Arguments.of("code on the package line", """
        package fixture; import org.credpath.model.fact.*; rule "T-HS: hostile" when Candidate() then java.lang.Runtime.getRuntime().halt( 3 ); end
        """));
    addRaw(cases, "dialect mvel", """
        rule "T-HS: hostile"
        dialect "mvel"
        when
            Candidate()
        then
            java.nio.file.Files.createFile( java.nio.file.Path.of( "%1$s" ) );
        end
        """);
    add(cases, "ProcessHandle", """
        then
            ProcessHandle.current().destroyForcibly();
        """);
    add(cases, "TimeUnit.sleep", """
        then
            java.util.concurrent.TimeUnit.SECONDS.sleep( 3600 );
        """);
    add(cases, "Thread.sleep through a fully qualified name", """
        then
            java.lang.Thread.sleep( 3600000 );
        """);
    add(cases, "huge array", """
        then
            long[] a = new long[ Integer.MAX_VALUE - 8 ];
        """);
    add(cases, "String.repeat", """
        then
            String s = "x".repeat( Integer.MAX_VALUE - 8 );
        """);
    add(cases, "collection constructor with a size", """
        then
            java.util.ArrayList list = new java.util.ArrayList( Integer.MAX_VALUE - 8 );
        """);
    add(cases, "StringBuilder with a capacity", """
        then
            StringBuilder b = new StringBuilder( Integer.MAX_VALUE - 8 );
        """);
    addRaw(cases, "declared type field initialiser", """
        declare Boom
            path : String = java.nio.file.Files.createFile( java.nio.file.Path.of( "%1$s" ) ).toString()
        end
        rule "T-HS: hostile"
        when
            Candidate()
        then
            insert( new Boom() );
        end
        """);
    addRaw(cases, "declared type extending Thread", """
        declare Boom extends java.lang.Thread
        end
        rule "T-HS: hostile"
        when
            Candidate()
        then
            new Boom().start();
        end
        """);
    add(cases, "reflection through getClass", """
        then
            Object loader = "x".getClass().getClassLoader();
        """);
    add(cases, "environment and properties", """
        then
            String home = java.lang.System.getenv( "HOME" );
        """);
    add(cases, "the Drools runtime through kcontext", """
        then
            kcontext.getKieRuntime().halt();
        """);
    add(cases, "the Drools runtime through drools", """
        then
            drools.getKieRuntime().getKieBase().getKiePackages();
        """);
    add(cases, "a lambda run by the JDK", """
        then
            java.util.function.Supplier s = () -> java.lang.System.exit( 7 );
            s.get();
        """);
    add(cases, "an anonymous class", """
        then
            Runnable r = new Runnable() { public void run() { java.lang.Runtime.getRuntime().halt( 8 ); } };
            r.run();
        """);
    add(cases, "try/catch hiding a failure", """
        then
            try { Integer.parseInt( "x" ); } catch ( Exception e ) { }
        """);
    add(cases, "synchronized on a shared object", """
        then
            synchronized ( String.class ) { insertLogical( new NoteFinding( "T-HS", "x" ) ); }
        """);
    add(cases, "the clock", """
        then
            java.time.LocalDate today = java.time.LocalDate.now();
        """);
    add(cases, "String.format with a huge width", """
        then
            String s = String.format( "%%999999999s", "x" );
        """);
    addRaw(cases, "import static of System.exit", """
        rule "T-HS: hostile"
        when
            Candidate()
        then
            exit( 9 );
        end
        """, "import static java.lang.System.exit;\n");
    addRaw(cases, "import function of Runtime", """
        rule "T-HS: hostile"
        when
            Candidate()
        then
            getRuntime().halt( 10 );
        end
        """, "import function java.lang.Runtime.getRuntime;\n");
    addRaw(cases, "code in a constraint", """
        rule "T-HS: hostile"
        when
            Candidate( id == java.nio.file.Files.createFile( java.nio.file.Path.of( "%1$s" ) ).toString() )
        then
        end
        """);
    addRaw(cases, "code in an eval", """
        rule "T-HS: hostile"
        when
            Candidate()
            eval( java.nio.file.Files.createFile( java.nio.file.Path.of( "%1$s" ) ) != null )
        then
        end
        """);
    addRaw(cases, "code in a from expression", """
        rule "T-HS: hostile"
        when
            $p : Object() from java.nio.file.Files.createFile( java.nio.file.Path.of( "%1$s" ) )
        then
        end
        """);
    addRaw(cases, "a timer attribute", """
        rule "T-HS: hostile"
        timer ( int: 1s 1s )
        when
            Candidate()
        then
        end
        """);
    addRaw(cases, "a date-effective attribute (reads the clock)", """
        rule "T-HS: hostile"
        date-effective "01-Jan-2020"
        when
            Candidate()
        then
        end
        """);
    addRaw(cases, "a global", """
        global java.util.List leak;
        rule "T-HS: hostile"
        when
            Candidate()
        then
        end
        """);
    addRaw(cases, "a package that reuses an engine class name", """
        declare CredpathEngine
        end
        rule "T-HS: hostile"
        when
            Candidate()
        then
        end
        """, null, "package org.credpath.engine;\n");
    add(cases, "a local record", """
        then
            record Leak( String s ) {}
            insertLogical( new NoteFinding( "T-HS", new Leak( "x" ).toString() ) );
        """);
    addRaw(cases, "a regular expression that backtracks", """
        rule "T-HS: hostile"
        when
            Candidate( id matches "(a+)+$" )
        then
        end
        """);
    // The attack on #14 (notes/attack-14): one firing that is unbounded with allowed calls alone.
    String doubling = "    sb.append( sb );\n";
    for (String gate : new String[] {"Candidate( !id.startsWith( \"smoke\" ) )", "Candidate( )"}) {
      String when = "rule \"T-HS: hostile\"\nwhen\n    " + gate + "\nthen\n";
      String gated = gate.contains("smoke") ? " (gated past the smoke run)" : "";
      addRaw(cases, "F2: StringBuilder appended to itself 27 times" + gated, when
          + "    StringBuilder sb = new StringBuilder( \"xxxxxxxxxxxxxxxx\" );\n" + doubling.repeat(27)
          + "    insert( sb.toString() );\nend\n");
      addRaw(cases, "F1: indexOf with a 500,000-character needle" + gated, when
          + "    StringBuilder sb = new StringBuilder( \"aaaaaaaaaaaaaaaa\" );\n" + doubling.repeat(16)
          + "    String s = sb.toString();\n    String t = s.substring( 0, 500000 ).concat( \"b\" );\n"
          + "    insert( Integer.valueOf( s.indexOf( t ) + s.indexOf( t, 1 ) ) );\nend\n");
      addRaw(cases, "F1 without StringBuilder: indexOf, lastIndexOf and contains with a text" + gated, when
          + "    String s = \"aaaaaaaaaaaaaaaa\";\n"
          + "    insert( Integer.valueOf( s.indexOf( s ) + s.lastIndexOf( s ) + ( s.contains( s ) ? 1 : 0 ) ) );\nend\n");
    }
    // Attack on #14c, A1: lists of lists sharing elements, 10^13 leaves in a few KB; one hashCode
    // (or equals, toString, Set.of, contains) walks them all inside the JDK, where no meter ticks.
    add(cases, "A1: nested List.of whose hashCode walks 10^13 leaves", "then\n"
        + """
    java.util.List a0 = java.util.List.of( Integer.valueOf( 1 ), Integer.valueOf( 2 ) );
    java.util.List a1 = java.util.List.of( a0, a0, a0, a0, a0, a0, a0, a0, a0, a0 );
    java.util.List a2 = java.util.List.of( a1, a1, a1, a1, a1, a1, a1, a1, a1, a1 );
    java.util.List a3 = java.util.List.of( a2, a2, a2, a2, a2, a2, a2, a2, a2, a2 );
    java.util.List a4 = java.util.List.of( a3, a3, a3, a3, a3, a3, a3, a3, a3, a3 );
    java.util.List a5 = java.util.List.of( a4, a4, a4, a4, a4, a4, a4, a4, a4, a4 );
    java.util.List a6 = java.util.List.of( a5, a5, a5, a5, a5, a5, a5, a5, a5, a5 );
    java.util.List a7 = java.util.List.of( a6, a6, a6, a6, a6, a6, a6, a6, a6, a6 );
    java.util.List a8 = java.util.List.of( a7, a7, a7, a7, a7, a7, a7, a7, a7, a7 );
    java.util.List a9 = java.util.List.of( a8, a8, a8, a8, a8, a8, a8, a8, a8, a8 );
    java.util.List a10 = java.util.List.of( a9, a9, a9, a9, a9, a9, a9, a9, a9, a9 );
    java.util.List a11 = java.util.List.of( a10, a10, a10, a10, a10, a10, a10, a10, a10, a10 );
    java.util.List a12 = java.util.List.of( a11, a11, a11, a11, a11, a11, a11, a11, a11, a11 );
    java.util.List a13 = java.util.List.of( a12, a12, a12, a12, a12, a12, a12, a12, a12, a12 );
            if ( a13.hashCode() == 42 ) { insert( Integer.valueOf( 1 ) ); }
        """);
    add(cases, "F3: 3,000 nested parentheses (the compiler's stack)", "then\n    insert( Integer.valueOf( "
        + "(".repeat(3000) + "1" + ")".repeat(3000) + " ) );\n");
    return cases.stream();
  }

  /**
   * attack-14 F4, the reproducer only: eight patterns {@code from List.of(1..10)} are 10^8 matches
   * built before any firing, where no evaluation bound can look. Refused by the text guard; the
   * same join over real fact lists is NOT refused (see notes/issue-14b.md).
   */
  @org.junit.jupiter.api.Test
  void fromOverAListWrittenInTheRule_isRefused() {
    StringBuilder when = new StringBuilder("rule \"T-HS: hostile\"\nwhen\n    Candidate( !id.startsWith( \"smoke\" ) )\n");
    for (int i = 0; i < 8; i++) {
      when.append("    $x").append(i).append(" : Integer() from ").append(i % 2 == 0 ? "" : "( ")
          .append("java.util.List.of( 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 )").append(i % 2 == 0 ? "" : " )").append('\n');
    }
    RuleSource source = Fixtures.minimalWith("hostile.drl", Fixtures.drl(when + "then\nend\n"));
    RulesException refused = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> catchThrowableOfType(RulesException.class, () -> CredpathEngine.load(source)));
    assertThat(refused).isNotNull();
    assertThat(refused.problems()).hasSize(8).allSatisfy(p -> {
      assertThat(p.file()).isEqualTo("hostile.drl");
      assertThat(p.message()).contains("`from` over a list written in the rule");
    });
  }

  /**
   * A long chain of calls in one expression (review of issue 12, F3: 900 links in a 50 KB file kept
   * the compiler busy for over ten minutes) is refused by the text guard, at its line, before
   * compiling; the same links as separate statements, or a chain at the cap, still load.
   */
  @org.junit.jupiter.api.Test
  void aChainOfCallsPastTheCap_isRefusedBeforeCompiling_atItsLine() {
    RulesException refused = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> catchThrowableOfType(
        RulesException.class, () -> CredpathEngine.load(Fixtures.minimalWith("hostile.drl", chain(900)))));
    assertThat(refused).isNotNull();
    assertThat(refused.problems()).singleElement().satisfies(p -> {
      assertThat(p.file()).isEqualTo("hostile.drl");
      assertThat(p.line()).isEqualTo(10);
      assertThat(p.message()).contains("more than " + RuleGuard.MAX_CHAINED_CALLS + " calls are chained");
    });
    assertThat(CredpathEngine.load(Fixtures.minimalWith("hostile.drl", chain(RuleGuard.MAX_CHAINED_CALLS - 1)))
        .ruleNames()).contains("T-HS: chain");
  }

  /** A consequence chaining {@code calls} calls: {@code Message.of(…)} then {@code .with(…)} links. */
  private static String chain(int calls) {
    StringBuilder message = new StringBuilder("Message.of( \"k\" )");
    for (int i = 0; i < calls; i++) {
      message.append(".with( \"a").append(i).append("\", $n.message().key() )");
    }
    return Fixtures.drl("rule \"T-HS: chain\"\nwhen\n    $n : NoteFinding( ruleId == \"T-HA\" )\nthen\n"
        + "    insert( new NoteFinding( \"T-HS\", " + message + " ) );\nend\n");
  }

  /** Only the text guard sees a file's size: a file past the cap is refused before it is compiled. */
  @org.junit.jupiter.api.Test
  void aRuleFilePastTheSizeCap_isRefusedBeforeCompiling() {
    String drl = Fixtures.drl("rule \"T-HS: hostile\"\nwhen\n    Candidate( )\nthen\n"
        + ("    // " + "x".repeat(70) + "\n").repeat(RuleGuard.MAX_FILE_CHARS / 70) + "end\n");
    RulesException refused = assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> catchThrowableOfType(RulesException.class, () -> CredpathEngine.load(Fixtures.minimalWith("hostile.drl", drl))));
    assertThat(refused).isNotNull();
    assertThat(refused.problems()).singleElement().satisfies(p -> {
      assertThat(p.file()).isEqualTo("hostile.drl");
      assertThat(p.line()).isEqualTo(1);
      assertThat(p.message()).contains("at most " + RuleGuard.MAX_FILE_CHARS);
    });
  }

  /**
   * Text built by concatenation alone is not refused (the built-in rules write sentences that
   * way) but capped as it runs: 27 statements of {@code s = s + s} would want 2^31 characters;
   * each firing stops at {@link RuleText#MAX_CHARS}, placed at the rule, quickly and with no
   * more memory than twice the cap.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("doublingByConcatenation")
  void textBuiltByConcatenation_isCappedAtTheRule(String name, String statement) {
    String body = "then\n    String s = \"xxxxxxxxxxxxxxxx\";\n" + statement.repeat(27)
        + "    insertLogical( new NoteFinding( \"T-HS\", s ) );\nend\n";
    // Ungated: the smoke run refuses the folder, placed at the rule (rules check exits 78).
    RuleSource ungated = Fixtures.minimalWith("hostile.drl", Fixtures.drl(
        "rule \"T-HS: hostile\"\nwhen\n    Candidate( )\n" + body));
    RulesException refused = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> catchThrowableOfType(RulesException.class, () -> CredpathEngine.load(ungated)));
    assertThat(refused).as(name).isNotNull();
    assertThat(refused.problems().get(0).file()).isEqualTo("hostile.drl");
    assertThat(refused.problems().get(0).line()).isPositive();
    assertThat(refused.problems().get(0).message()).contains("T-HS: hostile").contains("at most " + RuleText.MAX_CHARS)
        .doesNotContain("\tat ").doesNotContain("xxxx");

    // Gated past the smoke run: it loads, and each evaluation fails at that rule, bounded.
    CredpathEngine engine = CredpathEngine.load(Fixtures.minimalWith("hostile.drl", Fixtures.drl(
        "rule \"T-HS: hostile\"\nwhen\n    Candidate( !id.startsWith( \"smoke\" ) )\n" + body)));
    for (int i = 0; i < 3; i++) {
      String id = "p" + i;
      EvaluationException failed = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> catchThrowableOfType(
          EvaluationException.class, () -> engine.evaluate(Fixtures.profile(id, HighSchool.NONE), Fixtures.AS_OF)));
      assertThat(failed).as(name).isNotNull();
      assertThat(failed.ruleName()).isEqualTo("T-HS: hostile");
      assertThat(failed.getMessage()).contains("at most " + RuleText.MAX_CHARS).doesNotContain("xxxx")
          .doesNotContain("Exception");
    }
    // The engine still evaluates: the failure was one profile's, not the engine's.
    assertThat(catchThrowableOfType(EvaluationException.class,
        () -> engine.evaluate(Fixtures.profile("smoke-ok", HighSchool.NONE), Fixtures.AS_OF))).isNull();
  }

  /**
   * Attack on #14c (h11): a message that holds itself twice, 45 times over, is 2^45 parts in a few
   * bytes, built with model methods only; Drools' truth maintenance hashes it, where no rule budget
   * runs. Messages are bounded in parts when made, so it fails at the rule that builds it.
   */
  @Test
  void aMessageNestedInItself_isBoundedAtTheRule() {
    String body = "then\n    Message m = Message.of( \"k\" );\n"
        + "    m = m.with( \"a\", m ).with( \"b\", m );\n".repeat(45)
        + "    insertLogical( new NoteFinding( \"T-HS\", m ) );\nend\n";
    RuleSource ungated = Fixtures.minimalWith("hostile.drl", Fixtures.drl(
        "rule \"T-HS: hostile\"\nwhen\n    Candidate( )\n" + body));
    RulesException refused = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> catchThrowableOfType(RulesException.class, () -> CredpathEngine.load(ungated)));
    assertThat(refused).isNotNull();
    assertThat(refused.problems().get(0).file()).isEqualTo("hostile.drl");
    assertThat(refused.problems().get(0).message()).contains("T-HS: hostile")
        .contains("at most " + Message.MAX_PARTS + " parts").doesNotContain("\tat ");

    CredpathEngine engine = CredpathEngine.load(Fixtures.minimalWith("hostile.drl", Fixtures.drl(
        "rule \"T-HS: hostile\"\nwhen\n    Candidate( !id.startsWith( \"smoke\" ) )\n" + body)));
    EvaluationException failed = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> catchThrowableOfType(
        EvaluationException.class, () -> engine.evaluate(Fixtures.profile("p1", HighSchool.NONE), Fixtures.AS_OF)));
    assertThat(failed).isNotNull();
    assertThat(failed.ruleName()).isEqualTo("T-HS: hostile");
    assertThat(failed.getMessage()).contains("at most " + Message.MAX_PARTS + " parts").doesNotContain("Exception");
    assertThat(catchThrowableOfType(EvaluationException.class,
        () -> engine.evaluate(Fixtures.profile("smoke-ok", HighSchool.NONE), Fixtures.AS_OF))).isNull();
  }

  static Stream<Arguments> doublingByConcatenation() {
    return Stream.of(Arguments.of("s = s + s", "    s = s + s;\n"), Arguments.of("s = s.concat( s )",
        "    s = s.concat( s );\n"), Arguments.of("s = \"<\" + s + \"|\" + s + \">\"",
        "    s = \"<\" + s + \"|\" + s + \">\";\n"));
  }

  private static void add(List<Arguments> cases, String name, String consequence) {
    addRaw(cases, name, """
        rule "T-HS: hostile"
        when
            Candidate()
        """ + consequence + "end\n");
  }

  private static void addRaw(List<Arguments> cases, String name, String rules) {
    addRaw(cases, name, rules, null);
  }

  private static void addRaw(List<Arguments> cases, String name, String rules, String imports) {
    addRaw(cases, name, rules, imports, "package fixture.hostile;\n");
  }

  private static void addRaw(List<Arguments> cases, String name, String rules, String imports, String pkg) {
    cases.add(Arguments.of(name, pkg + "import org.credpath.model.fact.*;\nimport org.credpath.model.profile.*;\n"
        + (imports == null ? "" : imports) + "\n" + rules));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void refusedBeforeAnythingRuns_locatedWithoutSideEffect(String name, String template) throws IOException {
    Path marker = tmp.resolve("marker-" + Integer.toHexString(name.hashCode()));
    Path folder = Files.createDirectories(tmp.resolve("folder-" + Integer.toHexString(name.hashCode())));
    String drl = template.formatted(marker, folder);
    RuleSource source = Fixtures.minimalWith("hostile.drl", drl);

    RulesException refused = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> catchThrowableOfType(RulesException.class, () -> CredpathEngine.load(source)));

    assertThat(refused).as(name + ": must be refused").isNotNull();
    RuleProblem first = refused.problems().get(0);
    assertThat(first.file()).as(name + ": " + refused.problems()).isEqualTo("hostile.drl");
    assertThat(first.line()).as(name + ": located " + refused.problems()).isPositive();
    assertThat(first.column()).as(name).isPositive();
    assertThat(first.message()).doesNotContain("\tat ");
    assertThat(marker).as(name + ": no side effect").doesNotExist();
    try (Stream<Path> left = Files.list(folder)) {
      assertThat(left).isEmpty();
    }

    // The bytecode check alone (no text guard) refuses it as well, or it does not compile at all.
    List<RuleProblem> bytecode = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      try {
        CompiledRules compiled = DrlCompiler.compile(source, new ArrayList<>());
        return RuleBytecodeCheck.check(compiled, source);
      } catch (RulesException e) {
        return e.problems(); // does not even compile
      }
    });
    assertThat(bytecode).as(name + ": the bytecode check must refuse it on its own").isNotEmpty();
    assertThat(bytecode).as(name + ": every refusal is placed in a rule file").allSatisfy(p -> {
      assertThat(p.file()).endsWith(".drl");
      assertThat(p.line()).isPositive();
    });
    assertThat(marker).doesNotExist();
  }
}
