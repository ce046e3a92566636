package org.credpath.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/credpath}: finds the jar from any directory and through a symlink, runs
 * {@code $JAVA_HOME/bin/java} with {@code $JAVA_OPTS}, and says how to build a missing jar. A fake
 * {@code java} that prints its arguments stands in for the JVM.
 */
class LauncherTest {
  static final Path LAUNCHER = CliRun.REPO.resolve("bin/credpath");

  @Test
  void runsTheJarWithJavaHomeAndJavaOptsFromAnyDirectory(@TempDir Path dir) throws Exception {
    Path javaHome = dir.resolve("jdk");
    Files.createDirectories(javaHome.resolve("bin"));
    Path java = javaHome.resolve("bin/java");
    Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path jar = dir.resolve("credpath.jar");
    Files.writeString(jar, "");
    Path link = dir.resolve("elsewhere/credpath");
    Files.createDirectories(link.getParent());
    Files.createSymbolicLink(link, LAUNCHER);

    Map<String, String> env = Map.of("JAVA_HOME", javaHome.toString(), "JAVA_OPTS", "-Xmx64m -Dcredpath.cache=off",
        "CREDPATH_JAR", jar.toString());
    for (Path launcher : List.of(LAUNCHER, link)) {
      Result r = run(dir, env, launcher.toString(), "serve", "--port", "9090", "two words");
      assertThat(r.code()).isZero();
      assertThat(r.out().lines().toList())
          .containsExactly("-Xmx64m", "-Dcredpath.cache=off", "-jar", jar.toString(), "serve", "--port", "9090", "two words");
    }
  }

  @Test
  void aMissingJarIsNamedWithTheCommandThatBuildsIt(@TempDir Path dir) throws Exception {
    Path link = dir.resolve("credpath");
    Files.createSymbolicLink(link, LAUNCHER);
    Result r = run(dir, Map.of("CREDPATH_JAR", dir.resolve("none.jar").toString()), link.toString(), "--version");
    assertThat(r.code()).isEqualTo(70);
    assertThat(r.err()).contains(dir.resolve("none.jar").toString(), "not found", "mvn -q -B -DskipTests package");
  }

  record Result(int code, String out, String err) {}

  private static Result run(Path cwd, Map<String, String> env, String... command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile());
    builder.environment().remove("JAVA_OPTS");
    builder.environment().putAll(env);
    Process p = builder.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), out, err);
  }
}
