package org.credpath.engine;

import org.credpath.model.result.Confidence;

/** One line of the policy catalogue: a stable policy id, how firm it is, and where it comes from. */
public record PolicyEntry(String id, Confidence confidence, String source, String summary) {}
