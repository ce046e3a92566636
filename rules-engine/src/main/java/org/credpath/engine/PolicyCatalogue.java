package org.credpath.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.credpath.model.error.RuleProblem;
import org.credpath.model.result.Confidence;

/**
 * The policy ids a knowledge base may cite, read from {@code policies.txt}: one line per id,
 * {@code ID | confidence | source | summary}, with {@code #} comments. Findings take their
 * confidence from here, so it lives in one place.
 */
public final class PolicyCatalogue {
  private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+)+");
  private final SortedMap<String, PolicyEntry> entries;
  /** The same entries for {@link #get}, which runs for every cited rule id of every evaluation. */
  private final java.util.Map<String, PolicyEntry> byId;

  private PolicyCatalogue(SortedMap<String, PolicyEntry> entries) {
    this.entries = Collections.unmodifiableSortedMap(entries);
    this.byId = new java.util.HashMap<>(entries);
  }

  /** Parses the catalogue text, adding a located problem for every malformed line. */
  static PolicyCatalogue parse(String text, List<RuleProblem> problems) {
    SortedMap<String, PolicyEntry> entries = new TreeMap<>();
    LineIndex lines = LineIndex.of(text);
    for (int i = 0; i < lines.lineCount(); i++) {
      String line = lines.line(i + 1).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split("\\|", 4);
      int lineNo = i + 1;
      if (cells.length != 4) {
        problems.add(RuleProblem.error(RuleSource.CATALOGUE, lineNo, 1,
            "expected `ID | confidence | source | summary` (four parts separated by |)"));
        continue;
      }
      String id = cells[0].strip();
      String confidence = cells[1].strip();
      if (!ID.matcher(id).matches()) {
        problems.add(RuleProblem.error(RuleSource.CATALOGUE, lineNo, 1,
            "`" + id + "` is not a policy id; use capital letters and digits joined by dashes, such as RHIT-CEU"));
      } else if (!confidence.matches("[HMI]")) {
        problems.add(RuleProblem.error(RuleSource.CATALOGUE, lineNo, lines.line(i + 1).indexOf('|') + 3,
            "confidence must be H, M or I, not `" + confidence + "`"));
      } else if (entries.containsKey(id)) {
        problems.add(RuleProblem.error(RuleSource.CATALOGUE, lineNo, 1, "policy id " + id + " is listed twice"));
      } else {
        entries.put(id, new PolicyEntry(id, Confidence.valueOf(confidence), cells[2].strip(), cells[3].strip()));
      }
    }
    return new PolicyCatalogue(entries);
  }

  public PolicyEntry get(String id) {
    return byId.get(id);
  }

  public boolean contains(String id) {
    return entries.containsKey(id);
  }

  /** Every entry, sorted by id. */
  public List<PolicyEntry> entries() {
    return new ArrayList<>(entries.values());
  }
}
