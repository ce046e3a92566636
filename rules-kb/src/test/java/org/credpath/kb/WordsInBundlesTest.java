package org.credpath.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.credpath.model.profile.EducationLevel;
import org.credpath.model.profile.EducationStatus;
import org.credpath.model.profile.StudyField;
import org.junit.jupiter.api.Test;

/**
 * Rules decide, bundles speak: no rule file of the built-in knowledge base builds a sentence or
 * puts a number in a rule name, every bundle has every key, and no bundle has a key nobody uses.
 */
class WordsInBundlesTest {
  private static final Map<String, String> FILES = BuiltInKnowledgeBase.source().files();
  private static final Pattern CONSEQUENCE = Pattern.compile("(?ms)^then\\s*$(.*?)^end\\s*$");
  private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern RULE_NAME = Pattern.compile("(?m)^rule \"([^\"]*)\"");
  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]*(\\.[A-Za-z0-9_-]+)+");

  @Test
  void noConsequenceBuildsASentence() {
    List<String> prose = new ArrayList<>();
    drl().forEach((file, text) -> {
      Matcher then = CONSEQUENCE.matcher(text);
      while (then.find()) {
        Matcher literal = STRING.matcher(then.group(1));
        while (literal.find()) {
          if (literal.group(1).contains(" ")) {
            prose.add(file + ": \"" + literal.group(1) + "\"");
          }
        }
      }
      assertThat(text).as(file).doesNotContain("Message.literal");
    });
    assertThat(prose).as("sentences belong in messages.properties").isEmpty();
  }

  @Test
  void noRuleNameCarriesANumber() {
    List<String> numbered = new ArrayList<>();
    drl().forEach((file, text) -> {
      Matcher name = RULE_NAME.matcher(text);
      while (name.find()) {
        String words = name.group(1).substring(name.group(1).indexOf(':') + 1);
        if (words.matches(".*\\d.*")) {
          numbered.add(file + ": " + name.group(1));
        }
      }
    });
    assertThat(numbered).as("numbers go stale in rule names; they live in the thresholds").isEmpty();
  }

  @Test
  void everyBundleHasEveryKey_andNoKeyIsUnused() throws IOException {
    Map<String, Set<String>> bundles = new TreeMap<>();
    for (Map.Entry<String, String> file : FILES.entrySet()) {
      if (file.getKey().matches("messages(_[a-z]+)?\\.properties")) {
        Properties properties = new Properties();
        properties.load(new StringReader(file.getValue()));
        bundles.put(file.getKey(), new TreeSet<>(properties.stringPropertyNames()));
      }
    }
    assertThat(bundles).containsKeys("messages.properties", "messages_es.properties");
    Set<String> english = bundles.get("messages.properties");
    bundles.forEach((name, keys) -> {
      assertThat(difference(english, keys)).as("keys missing in " + name).isEmpty();
      assertThat(difference(keys, english)).as("keys in " + name + " that messages.properties lacks").isEmpty();
    });
    Set<String> used = usedKeys();
    assertThat(difference(used, english)).as("keys the rules use that no bundle has").isEmpty();
    assertThat(difference(english, used)).as("keys nobody uses").isEmpty();
  }

  @Test
  void theSameFindingsSpeakBothLanguages_includingTheSalaryNote() {
    org.credpath.engine.CredpathEngine engine = BuiltInKnowledgeBase.load();
    var profile = new org.credpath.model.profile.CandidateProfile("w", null,
        org.credpath.model.profile.HighSchool.DIPLOMA, null, null, null, null, null, false);
    var asOf = java.time.LocalDate.parse("2026-11-22");
    var english = engine.evaluate(profile, asOf);
    var spanish = engine.evaluate(profile, asOf, java.util.Locale.forLanguageTag("es"));
    assertThat(english.salary().note()).isEqualTo("No state given: national figures shown.");
    assertThat(spanish.salary().note()).isEqualTo("No se indicó el estado: se muestran las cifras nacionales.");
    assertThat(spanish.nextSteps()).extracting(s -> s.code()).isEqualTo(english.nextSteps().stream().map(s -> s.code()).toList());
    assertThat(spanish.notes()).extracting(n -> n.ruleId()).isEqualTo(english.notes().stream().map(n -> n.ruleId()).toList());
    assertThat(engine.languages()).containsExactly("en", "es");
  }

  /** Keys named in rule files, and the families the model and engine build from enum names. */
  private static Set<String> usedKeys() {
    Set<String> used = new TreeSet<>(Set.of("empty", "list.pair", "list.more", "parenthesis",
        // AhimaProgress.describeMissing, HimssProgress.describeMissing: by which quotas are short
        "ahima.missing", "ahima.missing.domain", "ahima.missing.source", "ahima.missing.domainsource",
        "himss.missing", "himss.missing.sourced", "himss.missing.ethics", "himss.missing.sourcedethics",
        // AhimaProgress.datedFrom; ccs.drl: "status." + a status that is not in good standing
        "ahima.dated-from", "status.INACTIVE", "status.REVOKED", "status.EXPIRED",
        // SalaryTable.lookup, for a candidate with no state or a state without figures
        "salary.no-state", "salary.no-state-figure",
        // Education.describe
        "education.program", "education.field.HIM", "education.stage.COMPLETED_ON"));
    for (EducationLevel level : EducationLevel.values()) {
      used.add("education.level." + level.name());
    }
    for (StudyField field : StudyField.values()) {
      used.add("education.field." + field.name());
    }
    for (EducationStatus status : EducationStatus.values()) {
      used.add("education.stage." + status.name());
    }
    drl().values().forEach(text -> {
      Matcher literal = STRING.matcher(text);
      while (literal.find()) {
        String before = text.substring(Math.max(0, literal.start() - 12), literal.start());
        if (KEY.matcher(literal.group(1)).matches() && !before.matches("(?s).*(intValue|date)\\(\\s*$")) {
          used.add(literal.group(1));
        }
      }
    });
    used.removeIf(key -> key.startsWith("org.") || key.equals("status."));
    return used;
  }

  private static Map<String, String> drl() {
    Map<String, String> drl = new TreeMap<>();
    FILES.forEach((path, text) -> {
      if (path.endsWith(".drl")) {
        drl.put(path, text);
      }
    });
    return drl;
  }

  private static Set<String> difference(Set<String> a, Set<String> b) {
    Set<String> d = new TreeSet<>(a);
    d.removeAll(b);
    return d;
  }
}
