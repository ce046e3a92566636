package org.credpath.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.credpath.model.profile.CandidateProfile;
import org.credpath.model.profile.HighSchool;

/** Small rule sets for engine tests, built from the {@code fixtures/minimal} folder. */
final class Fixtures {
  static final LocalDate AS_OF = LocalDate.of(2026, 11, 22);

  private Fixtures() {}

  static Path minimalDir() {
    try {
      return Path.of(Fixtures.class.getResource("/fixtures/minimal").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The minimal fixture's files, to be changed by a test before loading. */
  static Map<String, String> minimalFiles() {
    Map<String, String> files = new TreeMap<>();
    for (String name : new String[] {"kb.properties", "policies.txt", "cahims.drl"}) {
      try {
        files.put(name, Files.readString(minimalDir().resolve(name)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
  }

  /** The minimal fixture plus one more rule file. */
  static RuleSource minimalWith(String file, String drl) {
    Map<String, String> files = minimalFiles();
    files.put(file, drl);
    return RuleSource.of("fixture", files);
  }

  /**
   * Classes compiled, unchecked (the compiler alone checks nothing), from the minimal fixture plus
   * a rule that creates {@code marker}: what someone able to write a cache entry or rebuild a jar
   * could plant under the key of clean rules.
   */
  static CompiledRules compiledFileCreator(Path marker) {
    RuleSource hostile = minimalWith("hostile.drl", drl("""
        rule "T-HS: hostile"
        when
            Candidate()
        then
            java.nio.file.Files.createFile( java.nio.file.Path.of( "%s" ) );
        end
        """.formatted(marker)));
    return DrlCompiler.compile(hostile, new java.util.ArrayList<>());
  }

  static CandidateProfile profile(String id, HighSchool highSchool) {
    return new CandidateProfile(id, null, highSchool, null, null, null, null, null, false);
  }

  /** A DRL file with the usual imports and the given rules. */
  static String drl(String rules) {
    return """
        package fixture;
        import org.credpath.model.fact.*;
        import org.credpath.model.profile.*;
        import org.credpath.model.result.CredentialStatus;

        """ + rules;
  }
}
