package org.credpath.model.fact;

/** Context a rule wants the candidate to read. */
public record NoteFinding(String ruleId, String message) {}
