package org.credpath.model.fact;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Arithmetic and wording for CEUs and CE hours, so that 0.1 + 0.2 never shows as 0.30000000000000004. */
public final class Hours {
  private Hours() {}

  /** Rounds to hundredths, the finest any certifying body records. */
  public static double round(double hours) {
    return BigDecimal.valueOf(hours).setScale(2, RoundingMode.HALF_UP).doubleValue();
  }

  /** "20", "5.5", "0.25". */
  public static String format(double hours) {
    return BigDecimal.valueOf(round(hours)).stripTrailingZeros().toPlainString();
  }

  /** Months from {@code from} to the end of {@code until}, a started month counting whole; at least 1. */
  public static long monthsLeft(LocalDate from, LocalDate until) {
    LocalDate endExclusive = until.plusDays(1);
    long months = ChronoUnit.MONTHS.between(from, endExclusive);
    if (from.plusMonths(months).isBefore(endExclusive)) {
      months++;
    }
    return Math.max(1, months);
  }

  /** Hours per month needed to close {@code missing} in {@code months}, rounded up to tenths. */
  public static double pace(double missing, long months) {
    return BigDecimal.valueOf(missing)
        .divide(BigDecimal.valueOf(Math.max(1, months)), 1, RoundingMode.UP)
        .doubleValue();
  }
}
