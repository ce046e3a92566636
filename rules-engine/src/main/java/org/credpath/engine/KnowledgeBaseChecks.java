package org.credpath.engine;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.credpath.model.error.RuleProblem;
import org.credpath.model.result.KnowledgeBaseInfo;

/** Checks a rules folder needs to pass before anything is compiled. */
final class KnowledgeBaseChecks {
  private static final Pattern POLICY_PREFIX = Pattern.compile("^([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+): .+");

  private KnowledgeBaseChecks() {}

  static PolicyCatalogue catalogue(RuleSource source, List<RuleProblem> problems) {
    String text = source.files().get(RuleSource.CATALOGUE);
    if (text == null) {
      problems.add(RuleProblem.error(RuleSource.CATALOGUE, 0, 0,
          "is missing; every rules folder needs the policy catalogue that lists the policy ids rules may cite"));
      text = "";
    }
    return PolicyCatalogue.parse(text, problems);
  }

  static KnowledgeBaseInfo info(RuleSource source, List<RuleProblem> problems) {
    String text = source.files().get(RuleSource.PROPERTIES);
    Properties properties = new Properties();
    if (text == null) {
      problems.add(RuleProblem.error(RuleSource.PROPERTIES, 0, 0,
          "is missing; it names the knowledge base (name=…) and its version (version=…)"));
    } else {
      try {
        properties.load(new StringReader(text));
      } catch (IOException | IllegalArgumentException e) {
        problems.add(RuleProblem.error(RuleSource.PROPERTIES, 0, 0, "cannot be read: " + e.getMessage()));
      }
    }
    if (source.drlFiles().isEmpty()) {
      problems.add(RuleProblem.error(source.origin(), 0, 0, "holds no .drl files"));
    }
    return new KnowledgeBaseInfo(
        properties.getProperty("name", "unnamed"), properties.getProperty("version", "unversioned"), source.sha256());
  }

  /** Every rule name must start with a catalogued policy id and a colon, such as "RHIT-CEU: …". */
  static void ruleNames(RuleSource source, PolicyCatalogue catalogue, List<RuleProblem> problems) {
    for (RuleLocator.Location rule : RuleLocator.all(source)) {
      Matcher m = POLICY_PREFIX.matcher(rule.name());
      if (!m.matches()) {
        problems.add(RuleProblem.error(rule.file(), rule.line(), rule.column(),
            "rule name \"" + rule.name() + "\" must start with its policy id and a colon, such as \"RHIT-CEU: what it decides\""));
      } else if (!catalogue.contains(m.group(1))) {
        problems.add(RuleProblem.error(rule.file(), rule.line(), rule.column(),
            "rule \"" + rule.name() + "\" cites policy id " + m.group(1) + ", which " + RuleSource.CATALOGUE
                + " does not list; add it there or correct the id"));
      }
    }
  }
}
