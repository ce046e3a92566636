package org.credpath.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.credpath.model.fact.Thresholds;
import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.QueryElement;
import org.drools.base.rule.RuleConditionElement;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.Match;

/**
 * The policy constants of a knowledge base, derived once instead of once per evaluation. A rule
 * whose only condition is {@code $t : Thresholds()} (such as "AHIMA recertification thresholds",
 * which builds an {@code AhimaPolicy}) gives the same facts in every session, because every
 * session holds the same {@link Thresholds}. These rules are run once, in a session of their own,
 * and every evaluation inserts the facts they made (immutable records, shared) and skips the rules:
 * about ten firings per profile that each read a dozen thresholds and built the same records.
 *
 * <p>So these rules are load-time rules: their facts are there before an evaluation starts, and a
 * rule that looks for one of them missing ({@code not AhimaPolicy()}) never finds it missing, in
 * {@code evaluate} and {@code explain} alike (explain names them as fired). When the rules do
 * anything else with the thresholds alone (fire twice, retract the thresholds), nothing is
 * precomputed.
 */
final class PolicyFacts {
  /** Precomputes nothing: every rule fires in every session, as without this class. */
  static final PolicyFacts NONE = new PolicyFacts(new Rule[0], List.of(), true);

  /**
   * The rules' own objects, as Drools hands them to an agenda filter: {@link #derived} is asked
   * about every match of every evaluation, so it compares identities (a few {@code ==}) instead of
   * building and hashing a name per match.
   */
  private final Rule[] rules;
  private final List<Object> facts;
  /**
   * False when no rule but the precomputed ones can match the {@link Thresholds}: then an
   * evaluation need not insert them, and the precomputed rules make no match to be filtered out.
   */
  private final boolean thresholdsMatched;

  private PolicyFacts(Rule[] rules, List<Object> facts, boolean thresholdsMatched) {
    this.rules = rules;
    this.facts = facts;
    this.thresholdsMatched = thresholdsMatched;
  }

  static PolicyFacts of(KieBase kieBase, Thresholds thresholds) {
    Set<String> constant = new HashSet<>();
    boolean matchedElsewhere = false;
    for (org.kie.api.definition.KiePackage pkg : kieBase.getKiePackages()) {
      for (Rule rule : pkg.getRules()) {
        if (rule instanceof RuleImpl impl && readsOnlyThresholds(impl.getLhs())) {
          constant.add(key(rule));
        } else {
          matchedElsewhere |= !(rule instanceof RuleImpl impl) || mayMatchThresholds(impl.getLhs());
        }
      }
    }
    if (constant.isEmpty()) {
      return NONE;
    }
    KieSession session = kieBase.newKieSession();
    try {
      session.insert(thresholds);
      Set<Rule> seen = Collections.newSetFromMap(new IdentityHashMap<>());
      int fired = session.fireAllRules(match -> {
        boolean derives = constant.contains(key(match.getRule()));
        if (derives) {
          seen.add(match.getRule());
        }
        return derives;
      }, 10 * constant.size());
      List<Object> facts = new ArrayList<>();
      boolean thresholdsKept = false;
      for (Object fact : session.getObjects()) {
        if (fact == thresholds) {
          thresholdsKept = true;
        } else {
          facts.add(fact);
        }
      }
      return fired == constant.size() && seen.size() == constant.size() && thresholdsKept
          ? new PolicyFacts(seen.toArray(new Rule[0]), List.copyOf(facts), matchedElsewhere) : NONE;
    } catch (RuntimeException e) {
      // A failing rule is not this class's to report: without precomputing, the load's smoke run
      // evaluates it under the evaluation limits and names it at its line, as before.
      return NONE;
    } finally {
      session.dispose();
    }
  }

  /** {@code $t : Thresholds()} and nothing else: no constraint, no other pattern. */
  private static boolean readsOnlyThresholds(GroupElement lhs) {
    if (!lhs.isAnd() || lhs.getChildren().size() != 1) {
      return false;
    }
    RuleConditionElement only = lhs.getChildren().get(0);
    return only instanceof Pattern pattern && pattern.getObjectType() instanceof ClassObjectType type
        && type.getClassType() == Thresholds.class && pattern.getConstraints().isEmpty() && pattern.getSource() == null;
  }

  /**
   * True when a pattern anywhere in {@code element} (inside {@code not}, {@code exists},
   * {@code accumulate}, {@code from}, ...) could match a {@link Thresholds}: one of that class, of a
   * supertype ({@code Object()}, {@code Record()}), or of a type this check cannot read; and for
   * a query call, whose rule may read anything. When in doubt, true: the thresholds are inserted.
   */
  private static boolean mayMatchThresholds(RuleConditionElement element) {
    if (element instanceof QueryElement) {
      return true;
    }
    if (element instanceof Pattern pattern && !(pattern.getObjectType() instanceof ClassObjectType type
        && !type.getClassType().isAssignableFrom(Thresholds.class))) {
      return true;
    }
    for (RuleConditionElement nested : element.getNestedElements()) {
      if (mayMatchThresholds(nested)) {
        return true;
      }
    }
    return false;
  }

  private static String key(Rule rule) {
    return rule.getPackageName() + "/" + rule.getName();
  }

  /** True for a match of a rule whose facts {@link #insert} already put in the session. */
  boolean derived(Match match) {
    Rule rule = match.getRule();
    for (Rule derived : rules) {
      if (derived == rule) {
        return true;
      }
    }
    return false;
  }

  /** The thresholds (when a rule other than the precomputed ones may match them), then the precomputed facts. */
  void insert(KieSession session, Thresholds thresholds) {
    if (thresholdsMatched) {
      session.insert(thresholds);
    }
    facts.forEach(session::insert);
  }

  /** The names of the precomputed rules, which a traced evaluation reports as fired. */
  List<String> ruleNames() {
    List<String> names = new ArrayList<>(rules.length);
    for (Rule rule : rules) {
      names.add(rule.getName());
    }
    return names;
  }

  int ruleCount() {
    return rules.length;
  }

  /** Whether evaluations insert the thresholds (for tests). */
  boolean thresholdsMatched() {
    return thresholdsMatched;
  }
}
