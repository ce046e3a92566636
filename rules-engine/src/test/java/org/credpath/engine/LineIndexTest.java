package org.credpath.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one line index every scanner reads: the same lines, columns and rule names for all. */
class LineIndexTest {
  private static final String DRL = String.join("\r\n",
      "package p; // rule \"not a rule\"",
      "/* a comment",
      "rule \"commented out\" */",
      "rule \"A-B: first\"",
      "when Candidate( state == \"//not a comment\" ) then",
      "  x( 'a\\'b', \"say \\\"rule\\\"\" ); /* short */ y();",
      "end",
      "  rule 'A-B: second' // trailing",
      "");

  @Test
  void linesAndColumns_areOneBased_withoutLineBreaks() {
    LineIndex index = LineIndex.of(DRL);
    assertThat(index.lineCount()).isEqualTo(9);
    assertThat(index.line(4)).isEqualTo("rule \"A-B: first\"");
    assertThat(index.line(9)).isEmpty();
    assertThat(index.line(0)).isEmpty();
    assertThat(index.line(10)).isEmpty();
    int offset = DRL.indexOf("Candidate");
    assertThat(index.lineOf(offset)).isEqualTo(5);
    assertThat(index.columnOf(offset)).isEqualTo(6);
    assertThat(index.lineOf(0)).isEqualTo(1);
    assertThat(index.columnOf(0)).isEqualTo(1);
    assertThat(index.firstLineWith("Candidate(")).isEqualTo(5);
    assertThat(index.firstLineWith("nowhere")).isZero();
    assertThat(LineIndex.of("").lineCount()).isEqualTo(1);
  }

  @Test
  void comments_areBlanked_stringsKeptOrBlanked_positionsNeverMove() {
    LineIndex index = LineIndex.of(DRL);
    assertThat(index.code(1)).isEqualTo("package p;" + " ".repeat(index.line(1).length() - 10));
    assertThat(index.code(2)).isBlank();
    assertThat(index.code(3)).isBlank();
    assertThat(index.code(5)).isEqualTo(index.line(5)).as("// inside a string is not a comment");
    assertThat(index.code(6)).isEqualTo("  x( 'a\\'b', \"say \\\"rule\\\"\" );" + " ".repeat(13) + "y();");
    assertThat(index.bare(6)).isEqualTo("  x( '    ', \"            \" );" + " ".repeat(13) + "y();");
    assertThat(index.bare(5)).isEqualTo("when Candidate( state == \"" + " ".repeat(15) + "\" ) then");
    assertThat(index.code()).hasSameSizeAs(DRL);
    for (int n = 1; n <= index.lineCount(); n++) {
      assertThat(index.code(n)).hasSameSizeAs(index.line(n));
      assertThat(index.bare(n)).hasSameSizeAs(index.line(n));
    }
  }

  @Test
  void rules_areFoundOutsideComments_andNameTheLinesAfterThem() {
    LineIndex index = LineIndex.of(DRL);
    assertThat(index.rules()).containsExactly(new LineIndex.Rule(4, 1, "A-B: first"), new LineIndex.Rule(8, 3, "A-B: second"));
    assertThat(index.ruleAt(3)).isNull();
    assertThat(index.ruleAt(4)).isEqualTo("A-B: first");
    assertThat(index.ruleAt(7)).isEqualTo("A-B: first");
    assertThat(index.ruleAt(9)).isEqualTo("A-B: second");
  }

  @Test
  void anUnclosedLiteral_endsAtItsLine() {
    LineIndex index = LineIndex.of("a \"open\nrule \"R-1: x\"\n");
    assertThat(index.bare(1)).isEqualTo("a \"    ");
    assertThat(index.rules()).extracting(LineIndex.Rule::name).containsExactly("R-1: x");
  }
}
