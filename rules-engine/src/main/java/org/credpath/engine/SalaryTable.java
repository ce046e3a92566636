package org.credpath.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.credpath.model.error.RuleProblem;
import org.credpath.model.result.SalaryFigures;

/**
 * BLS salary figures shipped with the knowledge base as data ({@value #BY_STATE} and
 * {@value #NATIONAL}), never as rules: they give context and decide nothing.
 * A knowledge base without them yields results without salary figures.
 */
final class SalaryTable {
  static final String BY_STATE = "data/bls-2022-hit-salary-by-state.csv";
  static final String NATIONAL = "data/bls-national.csv";

  private record Row(int median, int p10, int p90) {}

  private final Map<String, Row> states;
  private final Row national;
  private final int year;
  private final String source;

  private SalaryTable(Map<String, Row> states, Row national, int year, String source) {
    this.states = Map.copyOf(states);
    this.national = national;
    this.year = year;
    this.source = source;
  }

  static SalaryTable read(RuleSource kb, List<RuleProblem> problems) {
    String byState = kb.files().get(BY_STATE);
    String national = kb.files().get(NATIONAL);
    if (byState == null || national == null) {
      return new SalaryTable(Map.of(), null, 0, null);
    }
    Map<String, Row> states = new HashMap<>();
    LineIndex lines = kb.index(BY_STATE);
    for (int n = 2; n <= lines.lineCount(); n++) {
      if (lines.line(n).isBlank()) {
        continue;
      }
      String[] cells = lines.line(n).split(",");
      Row row = row(cells, 2, BY_STATE, n, problems);
      if (row != null) {
        states.put(cells[0].strip(), row);
      }
    }
    // national: year,source,median,p10,p90
    String second = kb.index(NATIONAL).line(2);
    String[] cells = second.isEmpty() ? new String[0] : second.split(",");
    Row nationalRow = row(cells, 2, NATIONAL, 2, problems);
    int year = 0;
    try {
      year = Integer.parseInt(cells[0].strip());
    } catch (RuntimeException e) {
      problems.add(RuleProblem.error(NATIONAL, 2, 1, "expected `year,source,median,p10,p90` with a numeric year"));
    }
    return new SalaryTable(states, nationalRow, year, cells.length > 1 ? cells[1].strip() : "");
  }

  private static Row row(String[] cells, int first, String file, int line, List<RuleProblem> problems) {
    try {
      return new Row(Integer.parseInt(cells[first].strip()), Integer.parseInt(cells[first + 1].strip()),
          Integer.parseInt(cells[first + 2].strip()));
    } catch (RuntimeException e) {
      problems.add(RuleProblem.error(file, line, 1, "expected whole-dollar figures for median, p10 and p90"));
      return null;
    }
  }

  /** The state's figures with the national ones beside them; national only, with a note, when the state is unknown. */
  SalaryFigures lookup(String state, java.util.function.Function<org.credpath.model.fact.Message, String> words) {
    if (national == null) {
      return null;
    }
    Row row = state == null ? null : states.get(state);
    if (row == null) {
      String note = words.apply(state == null ? org.credpath.model.fact.Message.of("salary.no-state")
          : org.credpath.model.fact.Message.of("salary.no-state-figure").with("year", String.valueOf(year)).with("state", state));
      return new SalaryFigures(null, national.median(), national.p10(), national.p90(),
          national.median(), national.p10(), national.p90(), year, source, note);
    }
    return new SalaryFigures(state, row.median(), row.p10(), row.p90(),
        national.median(), national.p10(), national.p90(), year, source, null);
  }
}
