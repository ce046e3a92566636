package org.credpath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code bin/credpath} on the shaded jar and the class-data-sharing archive that
 * {@code mvn package} built beside it; runs in the {@code integration-test} phase, after both exist.
 * Each run is a cold JVM (about a second here), so the runs are few.
 */
class LauncherPackagedTest {
  private static final Path JAR = CliRun.REPO.resolve("cli-runner/target/credpath.jar");
  private static final String README_BUILD = "mvn -q -B -DskipTests package && ";

  @TempDir Path dir;

  @Test
  void theReadmeFirstScreenCommand_printsCleanJson_andTheSameFromAnyDirectoryWithJavaOpts() throws Exception {
    String line = Files.readAllLines(CliRun.REPO.resolve("README.md")).stream().filter(l -> l.startsWith(README_BUILD))
        .findFirst().orElseThrow(() -> new AssertionError("the README's first screen builds, then evaluates"));
    String command = line.substring(README_BUILD.length());
    assertThat(command).startsWith("bin/credpath evaluate ");

    Result readme = run(CliRun.REPO, Map.of(), "sh", "-c", command);

    assertThat(readme.code()).isZero();
    assertThat(readme.out()).as("no terminal codes, nothing but the results").doesNotContain("\u001b").startsWith("[");
    JsonNode results = new ObjectMapper().readTree(readme.out());
    assertThat(results).hasSize(7);
    assertThat(readme.out()).isEqualTo(CliRun.run("evaluate", "--as-of", "2026-11-22", CliRun.EXAMPLES.toString()).out());

    Files.copy(CliRun.EXAMPLES, dir.resolve("profiles.json"));
    Result elsewhere = run(dir, Map.of("JAVA_OPTS", "-Xmx160m -Dcredpath.cache=off"),
        CliRun.REPO.resolve("bin/credpath").toString(), "evaluate", "--as-of", "2026-11-22", "profiles.json");
    assertThat(elsewhere.code()).isZero();
    assertThat(elsewhere.out()).isEqualTo(readme.out());
  }

  @Test
  void theBuiltInRules_startFromTheBuild_withTheArchive_andNothingIsCompiled() throws Exception {
    Path classes = dir.resolve("classes.txt");
    Result r = run(dir, Map.of("JAVA_OPTS", "-Xlog:class+load=info:file=" + classes),
        CliRun.REPO.resolve("bin/credpath").toString(), "evaluate", "--quiet", "--as-of", "2026-11-22", CliRun.EXAMPLES.toString());

    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    List<String> loaded = Files.readAllLines(classes);
    assertThat(loaded).as("the archive mvn package built beside the jar is used")
        .anyMatch(l -> l.contains(" org.credpath.cli.CredpathCli source: shared objects file (top)"));
    assertThat(loaded).as("no DRL parser, executable-model generator or Java compiler is even loaded")
        .noneMatch(l -> l.contains(" org.drools.drl.parser.") || l.contains(" org.drools.model.codegen.")
            || l.contains(" org.eclipse.jdt.") || l.contains(" org.drools.compiler.kie.builder.impl.KieBuilderImpl "));
  }

  @Test
  void aJarWithNoArchive_getsOneOnFirstUse_andAnUnwritableArchiveFolderNeverFailsTheCommand() throws Exception {
    Path jar = dir.resolve("copy/credpath.jar");
    Files.createDirectories(jar.getParent());
    Files.copy(JAR, jar);
    Path profile = dir.resolve("one.json");
    Files.writeString(profile, "[" + new ObjectMapper().readTree(CliRun.EXAMPLES.toFile()).get(4) + "]");
    String[] evaluate = {CliRun.REPO.resolve("bin/credpath").toString(), "evaluate", "--as-of", "2026-11-22", profile.toString()};
    String expected = CliRun.run("evaluate", "--as-of", "2026-11-22", profile.toString()).out();

    Files.writeString(dir.resolve("a-file"), "");
    Result unwritable = run(dir, Map.of("CREDPATH_JAR", jar.toString(), "CREDPATH_CDS_DIR", dir.resolve("a-file/cds").toString()),
        evaluate);
    assertThat(unwritable.code()).isZero();
    assertThat(unwritable.out()).isEqualTo(expected);
    assertThat(unwritable.err()).startsWith("credpath: 1 record(s), 0 error(s)").hasLineCount(1);

    Map<String, String> env = Map.of("CREDPATH_JAR", jar.toString(), "CREDPATH_CDS_DIR", dir.resolve("cds").toString());
    Result first = run(dir, env, evaluate);
    assertThat(first.code()).isZero();
    assertThat(first.out()).isEqualTo(expected);
    try (Stream<Path> made = Files.list(dir.resolve("cds"))) {
      assertThat(made.map(p -> p.getFileName().toString())).singleElement().asString().endsWith(".jsa");
    }
    Path classes = dir.resolve("classes.txt");
    Map<String, String> logged = new HashMap<>(env);
    logged.put("JAVA_OPTS", "-Xlog:class+load=info:file=" + classes);
    Result second = run(dir, logged, evaluate);
    assertThat(second.out()).isEqualTo(expected);
    assertThat(Files.readAllLines(classes)).anyMatch(l -> l.contains(" org.credpath.cli.CredpathCli source: shared objects file (top)"));
  }

  record Result(int code, String out, String err) {}

  private Result run(Path cwd, Map<String, String> env, String... command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile());
    builder.environment().remove("JAVA_OPTS");
    builder.environment().put("CREDPATH_CACHE", "off");
    // Should the built archive be unusable, an archive made on first use goes here, never to ~/.cache.
    builder.environment().put("CREDPATH_CDS_DIR", dir.resolve("cds-first-use").toString());
    builder.environment().putAll(env);
    Process p = builder.start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), out, err);
  }
}
