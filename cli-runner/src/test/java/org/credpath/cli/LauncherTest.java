package org.credpath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/credpath}: finds the jar from any directory and through a symlink, runs
 * {@code $JAVA_HOME/bin/java} with {@code $JAVA_OPTS} after its own flags, picks quick-start flags
 * for short runs only, makes a class-data-sharing archive on first use where none was built, and
 * says how to build a missing jar. A fake {@code java} that prints its arguments (and, asked to
 * dump an archive, writes one) stands in for the JVM; {@code LauncherPackagedTest} runs the real one.
 */
class LauncherTest {
  static final Path LAUNCHER = CliRun.REPO.resolve("bin/credpath");

  @TempDir Path dir;
  private Path jar;
  private Map<String, String> env;

  @BeforeEach
  void fakeJavaAndJar() throws Exception {
    Path javaHome = dir.resolve("jdk");
    Files.createDirectories(javaHome.resolve("bin"));
    Path java = javaHome.resolve("bin/java");
    Files.writeString(java, """
        #!/bin/sh
        for a in "$@"; do
          case $a in -XX:ArchiveClassesAtExit=*) [ -n "$FAKE_DUMP_FAILS" ] && exit 1; echo archive > "${a#*=}" ;; esac
        done
        for a in "$@"; do echo "$a"; done
        """);
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    jar = dir.resolve("credpath.jar");
    Files.writeString(jar, "");
    Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
    env = new HashMap<>(Map.of("JAVA_HOME", javaHome.toString(), "CREDPATH_JAR", jar.toString(),
        "CREDPATH_CDS_DIR", dir.resolve("cds").toString()));
  }

  @Test
  void runsTheJarWithJavaHomeAndJavaOptsFromAnyDirectory() throws Exception {
    Path link = dir.resolve("elsewhere/credpath");
    Files.createDirectories(link.getParent());
    Files.createSymbolicLink(link, LAUNCHER);
    env.put("JAVA_OPTS", "-Xmx64m -Dcredpath.cache=off -Xlog:gc*");
    env.put("CREDPATH_CDS", "off");

    for (Path launcher : List.of(LAUNCHER, link)) {
      Result r = run(env, launcher.toString(), "serve", "--port", "9090", "two words");
      assertThat(r.code()).isZero();
      assertThat(r.out().lines().toList()).as("serve is long-lived: the JVM's own defaults, no quick flags")
          .containsExactly("-Xmx64m", "-Dcredpath.cache=off", "-Xlog:gc*", "-jar", jar.toString(), "serve", "--port", "9090",
              "two words");
    }
  }

  @Test
  void shortRuns_getQuickStartFlags_beforeJavaOpts_soJavaOptsOverrideThem() throws Exception {
    Path profile = dir.resolve("one profile.json");
    Files.writeString(profile, "[]");
    env.put("CREDPATH_CDS", "off");
    env.put("JAVA_OPTS", "-XX:TieredStopAtLevel=4");

    assertThat(run(env, LAUNCHER.toString(), "evaluate", profile.toString()).out().lines().toList())
        .containsExactly("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=4", "-jar", jar.toString(),
            "evaluate", profile.toString());
    assertThat(run(env, LAUNCHER.toString(), "--version").out()).contains("-XX:TieredStopAtLevel=1");
    assertThat(run(env, LAUNCHER.toString(), "evaluate", "-").out().lines().toList()).as("standard input: maybe a long batch")
        .containsExactly("-XX:+UseParallelGC", "-XX:TieredStopAtLevel=4", "-jar", jar.toString(), "evaluate", "-");
    Files.write(profile, new byte[(1 << 20) + 1]);
    assertThat(run(env, LAUNCHER.toString(), "evaluate", profile.toString()).out()).as("over 1 MiB of input: a batch")
        .doesNotContain("-XX:TieredStopAtLevel=1").contains("-XX:+UseParallelGC");
    env.put("JAVA_OPTS", "-XX:+UseG1GC -Xmx256m");
    assertThat(run(env, LAUNCHER.toString(), "evaluate", profile.toString()).out().lines().toList())
        .as("a collector chosen in JAVA_OPTS is the only one (the JVM refuses two)")
        .containsExactly("-XX:+UseG1GC", "-Xmx256m", "-jar", jar.toString(), "evaluate", profile.toString());
    Files.writeString(profile, "[]");
    assertThat(run(env, LAUNCHER.toString(), "evaluate", profile.toString()).out().lines().toList())
        .containsExactly("-XX:TieredStopAtLevel=1", "-XX:+UseG1GC", "-Xmx256m", "-jar", jar.toString(), "evaluate",
            profile.toString());
    Files.write(profile, new byte[(1 << 20) + 1]);
    assertThat(run(env, LAUNCHER.toString(), "rules", "diff", "--base", "a", "--candidate", "b", profile.toString()).out())
        .as("any command's input").doesNotContain("-XX:TieredStopAtLevel=1");
  }

  @Test
  void withNoArchiveBesideTheJar_oneIsMadeOnFirstUse_thenUsed() throws Exception {
    Result first = run(env, LAUNCHER.toString(), "--version");

    Path archive;
    try (Stream<Path> made = Files.list(dir.resolve("cds"))) {
      archive = made.collect(java.util.stream.Collectors.toList()).stream().reduce((a, b) -> {
        throw new AssertionError("one archive, nothing left over: " + a + ", " + b);
      }).orElseThrow();
    }
    assertThat(archive.getFileName().toString()).endsWith(".jsa");
    assertThat(first.out().lines().toList()).as("the command itself ran after the training run")
        .containsSequence("-Xshare:auto", "-XX:SharedArchiveFile=" + archive, "-Xlog:cds*=off", "-XX:TieredStopAtLevel=1")
        .endsWith("-jar", jar.toString(), "--version");
    assertThat(run(env, LAUNCHER.toString(), "--version").out()).isEqualTo(first.out());

    Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
    env.put("FAKE_DUMP_FAILS", "1");
    assertThat(run(env, LAUNCHER.toString(), "--version").out()).as("an archive older than the jar is not used")
        .doesNotContain("SharedArchiveFile");
  }

  @Test
  void anArchiveBuiltBesideTheJar_isUsed_andNothingIsWrittenElsewhere() throws Exception {
    Files.writeString(dir.resolve("credpath.jsa"), "archive");

    assertThat(run(env, LAUNCHER.toString(), "--version").out())
        .contains("-XX:SharedArchiveFile=" + dir.resolve("credpath.jsa"));
    assertThat(dir.resolve("cds")).doesNotExist();
  }

  @Test
  void anArchiveThatCannotBeMade_neverFailsTheCommand() throws Exception {
    Files.writeString(dir.resolve("a-file"), "");
    env.put("CREDPATH_CDS_DIR", dir.resolve("a-file/cds").toString());
    Result r = run(env, LAUNCHER.toString(), "--version");
    assertThat(r.code()).isZero();
    assertThat(r.out()).doesNotContain("SharedArchiveFile").endsWith("-jar\n" + jar + "\n--version\n");
    assertThat(r.err()).isEmpty();

    env.put("CREDPATH_CDS_DIR", dir.resolve("cds").toString());
    env.put("FAKE_DUMP_FAILS", "1");
    r = run(env, LAUNCHER.toString(), "--version");
    assertThat(r.code()).isZero();
    assertThat(r.out()).doesNotContain("SharedArchiveFile");
    try (Stream<Path> left = Files.list(dir.resolve("cds"))) {
      assertThat(left).as("a failed dump leaves nothing, so no cut-off archive is ever used").isEmpty();
    }
  }

  @Test
  void aMissingJarIsNamedWithTheCommandThatBuildsIt() throws Exception {
    Path link = dir.resolve("credpath");
    Files.createSymbolicLink(link, LAUNCHER);
    Result r = run(Map.of("CREDPATH_JAR", dir.resolve("none.jar").toString()), link.toString(), "--version");
    assertThat(r.code()).isEqualTo(70);
    assertThat(r.err()).contains(dir.resolve("none.jar").toString(), "not found", "mvn -q -B -DskipTests package");
  }

  /** A closed standard output used to crash the JVM (SIGSEGV, exit 139); now a plain error, exit 70. */
  @Test
  void aClosedStandardOutput_isSaidPlainly_exit70() throws Exception {
    Result r = run(env, "sh", "-c", "exec \"$0\" \"$@\" >&-", LAUNCHER.toString(), "evaluate", "profiles.json");

    assertThat(r.code()).isEqualTo(70);
    assertThat(r.err()).isEqualTo("credpath: standard output is closed; send it to a file, or to /dev/null to discard it\n");
    assertThat(run(env, LAUNCHER.toString(), "evaluate", "profiles.json").code()).as("stdout open: goes on").isZero();
  }

  record Result(int code, String out, String err) {}

  private Result run(Map<String, String> env, String... command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().remove("JAVA_OPTS");
    builder.environment().putAll(env);
    Process p = builder.start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), out, err);
  }
}
