package org.credpath.engine;

import java.lang.reflect.Field;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.drools.base.reteoo.BaseTuple;
import org.drools.base.rule.ContextEntry;
import org.drools.core.common.BaseNode;
import org.drools.core.common.BetaConstraints;
import org.drools.core.common.EmptyBetaConstraints;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.BetaNode;
import org.drools.core.reteoo.FromNode;
import org.drools.core.reteoo.LeftTupleSource;
import org.drools.core.reteoo.TerminalNode;
import org.drools.core.reteoo.TupleToObjectNode;
import org.kie.api.KieBase;
import org.kie.api.runtime.rule.FactHandle;

/**
 * Meters the joins that run no rule code: a pattern joined to the ones before it by no constraint
 * ({@code CeuActivity() CeuActivity()}) pairs every match with every fact, and Drools tests such a
 * pair without calling anything generated from the rules, so {@link RuleBudget} would not see it.
 * After the knowledge base is built, and before any session exists, every beta node of the network
 * with no constraint gets a constraint that is always true and counts one {@link RuleBudget#tick}
 * per pair it is asked about; so does every {@code from} node with none, once per element its
 * source yields (a constant source, {@code from List.of( … )}, is evaluated once when the rule is
 * built and would otherwise yield its elements to every match uncounted). Together with the beta indexes being off (every constrained pair is
 * tested by generated code) this makes every pair Drools considers, in every rule, a tick: a
 * cross product of any shape is stopped by the evaluation's deadline or allocation bound while it
 * is being built, as a failure of that evaluation, instead of hanging or exhausting the heap.
 *
 * <p>Why not refuse such joins instead: the built-in rules pair the candidate with each of a list
 * ({@code Candidate( ... ) Education( ... )}) in some thirty rules; that is one pass over a list,
 * harmless, and telling it apart from a product needs to know how many facts of a type an
 * evaluation holds, which the rules themselves decide. Metering needs no such judgement.
 */
final class JoinMeter {
  private static final Field CONSTRAINTS = field(BetaNode.class, "constraints");
  private static final Field FROM_CONSTRAINTS = field(FromNode.class, "betaConstraints");

  private JoinMeter() {}

  /** Installs the metered constraint on every unconstrained beta node; returns how many. */
  static int install(KieBase kieBase) {
    Set<BaseNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    int[] metered = {0};
    ((InternalRuleBase) kieBase).getReteooBuilder().getTerminalNodes().forEach((rule, terminals) -> {
      for (TerminalNode terminal : terminals) {
        metered[0] += visit(terminal.getLeftTupleSource(), seen);
      }
    });
    return metered[0];
  }

  private static int visit(LeftTupleSource start, Set<BaseNode> seen) {
    int metered = 0;
    for (LeftTupleSource node = start; node != null && seen.add(node); node = node.getLeftTupleSource()) {
      if (node instanceof FromNode from && from.getBetaConstraints().getClass() == EmptyBetaConstraints.class) {
        // Each element a `from` source yields is offered to these before it becomes a match; a
        // source that is a constant (`from List.of( … )`, evaluated once when the rule is built)
        // runs no rule code per match, so without this its matches would go uncounted.
        set(FROM_CONSTRAINTS, from, new MeteredPairs(firstRule(from)));
        metered++;
      }
      if (node instanceof BetaNode beta) {
        BetaConstraints<?> constraints = beta.getRawConstraints();
        if (constraints.getClass() == EmptyBetaConstraints.class) {
          set(CONSTRAINTS, beta, new MeteredPairs(firstRule(beta)));
          metered++;
        }
        if (beta.getRightInput() != null && beta.getRightInput().getParent() instanceof TupleToObjectNode subnetwork) {
          metered += visit(subnetwork.getLeftTupleSource(), seen);
        }
      }
    }
    return metered;
  }

  /** The node's rule (the first by name when rules share it), for the report. */
  private static String firstRule(BaseNode node) {
    return java.util.Arrays.stream(node.getAssociatedRules()).map(org.kie.api.definition.rule.Rule::getName)
        .sorted().findFirst().orElse(null);
  }

  private static void set(Field field, BaseNode node, BetaConstraints<?> constraints) {
    try {
      field.set(node, constraints);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot meter the joins of this Drools version", e);
    }
  }

  private static Field field(Class<?> owner, String name) {
    try {
      Field field = owner.getDeclaredField(name);
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** No constraint, as before, except that each pair tested is one tick. */
  static final class MeteredPairs extends EmptyBetaConstraints {
    private static final long serialVersionUID = 1L;
    private final String rule;

    MeteredPairs(String rule) {
      this.rule = rule;
    }

    @Override
    public boolean isAllowedCachedLeft(ContextEntry[] context, FactHandle handle) {
      RuleBudget.tick(rule);
      return true;
    }

    @Override
    public boolean isAllowedCachedRight(BaseTuple tuple, ContextEntry[] context) {
      RuleBudget.tick(rule);
      return true;
    }

    @Override
    public EmptyBetaConstraints cloneIfInUse() {
      return this;
    }
  }
}
