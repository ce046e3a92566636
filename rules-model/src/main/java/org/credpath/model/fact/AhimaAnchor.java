package org.credpath.model.fact;

import java.time.LocalDate;

/**
 * Where the candidate's shared AHIMA cycles start counting from.
 *
 * @param reported true when the date is a cycle start reported by AHIMA rather than an exam date
 */
public record AhimaAnchor(LocalDate start, boolean reported) {}
