package org.credpath.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The other side of the guard-rails: what policy staff legitimately write must still load. One
 * file uses the DRL constructs a rule needs, so that a tightening of the allow-list that would
 * refuse them fails here rather than in an editor's hands.
 */
class AllowedConstructsTest {
  @Test
  void everydayRuleConstructs_load() {
    CredpathEngine engine = CredpathEngine.load(Fixtures.minimalWith("everyday.drl", Fixtures.drl("""
        import java.time.LocalDate;
        import java.util.List;

        rule "T-HS: patterns, or, in, contains, exists and not"
        salience 10
        no-loop true
        when
            $c : Candidate( highSchool in ( HighSchool.DIPLOMA, HighSchool.GED ) || prefersOnline, state != null )
            exists Education( completed )
            not HeldCredential( code == CredentialCode.RHIA )
            Experience( kinds contains ExperienceKind.CODING, months >= 12 )
        then
            String text = "Hello " + $c.id() + ", " + $c.asOf().plusYears( 1 ).getYear()
                + " " + Math.max( 1, 2 ) + " " + $c.id().toUpperCase().substring( 0, 1 );
            insertLogical( new NoteFinding( "T-HS", text ) );
        end

        rule "T-HS: accumulate functions and collect"
        when
            Candidate( $asOf : asOf )
            accumulate( CeuActivity( date <= $asOf, $h : hours ); $sum : sum( $h ), $n : count( $h ),
                        $max : max( $h ), $avg : average( $h ); $n > 0 )
            $all : List( size > 0 ) from collect( CeuActivity() )
        then
            insertLogical( new NoteFinding( "T-HS", "sum " + $sum + " of " + $all.size() ) );
        end

        rule "T-NONE: dates and periods"
        when
            $c : Candidate()
            $h : HeldCredential( earnedOn.isBefore( $c.asOf().minusYears( 2 ) ) )
        then
            LocalDate due = $h.earnedOn().plusYears( 2 ).withDayOfMonth( 1 );
            insertLogical( new NoteFinding( "T-NONE", due.toString() + java.util.Collections.emptyList().size() ) );
        end
        """)));

    assertThat(engine.ruleNames()).contains("T-HS: accumulate functions and collect");
  }
}
