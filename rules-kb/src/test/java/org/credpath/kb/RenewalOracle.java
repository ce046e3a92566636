package org.credpath.kb;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.credpath.model.profile.CandidateProfile;
import org.credpath.model.profile.CeuActivity;
import org.credpath.model.profile.CredentialCode;
import org.credpath.model.profile.HeldCredential;
import org.credpath.model.result.CredentialStatus;

/**
 * An independent oracle for the renewal arithmetic, written from the policy catalogue in plain
 * loops, sharing no code with the knowledge base or its fact classes: AHIMA cycles (anchor,
 * leap days, the shared cycle and its combined requirement, supersession, CEUs counted once and
 * per cycle, the HIIM and AHIMA-source quotas, the inactive-period reading, the mid-cycle reading,
 * the straddling caveat) and HIMSS periods (month-end expiry, hours, quotas). The differential
 * test compares it with the engine on generated populations.
 */
final class RenewalOracle {
  /** What the oracle expects for one held credential. */
  record Verdict(
      CredentialStatus status, LocalDate since, LocalDate until, LocalDate cycleStart, LocalDate cycleEnd,
      double required, double earned, TreeSet<String> readings) {}

  private static final LocalDate SOURCE_RULE_FROM = LocalDate.of(2025, 1, 1);
  private static final int DUE_DAYS = 180;
  private static final int INACTIVE_DAYS = 180;
  private static final Map<CredentialCode, Integer> AHIMA_CEUS = Map.of(
      CredentialCode.RHIT, 20, CredentialCode.RHIA, 30, CredentialCode.CCA, 20, CredentialCode.CCS, 20,
      CredentialCode.CCS_P, 20);

  private RenewalOracle() {}

  /** Verdicts for every credential the profile holds, by code name. */
  static Map<String, Verdict> held(CandidateProfile p, LocalDate asOf) {
    Map<String, Verdict> out = new TreeMap<>();
    ahima(p, asOf, out);
    for (HeldCredential c : p.credentials()) {
      if (!c.ahima()) {
        out.put(c.code().name(), himss(p, c, asOf));
      }
    }
    return out;
  }

  // ---- AHIMA ----

  private static void ahima(CandidateProfile p, LocalDate asOf, Map<String, Verdict> out) {
    List<HeldCredential> ahima = p.credentials().stream().filter(HeldCredential::ahima).toList();
    if (ahima.isEmpty()) {
      return;
    }
    Map<CredentialCode, LocalDate> supersededOn = new TreeMap<>();
    // Superseded from the day both are held.
    held(ahima, CredentialCode.RHIA).ifPresent(rhia -> held(ahima, CredentialCode.RHIT).ifPresent(rhit ->
        supersededOn.put(CredentialCode.RHIT, later(rhia.earnedOn(), rhit.earnedOn()))));
    held(ahima, CredentialCode.CCA).ifPresent(cca ->
        ahima.stream().filter(c -> c.code().equals(CredentialCode.CCS) || c.code().equals(CredentialCode.CCS_P))
            .map(HeldCredential::earnedOn).min(Comparator.naturalOrder())
            .ifPresent(d -> supersededOn.put(CredentialCode.CCA, later(d, cca.earnedOn()))));
    LocalDate anchor = ahima.stream().map(HeldCredential::cycleStart).filter(d -> d != null)
        .max(Comparator.naturalOrder())
        .orElseGet(() -> ahima.stream().map(HeldCredential::earnedOn).min(Comparator.naturalOrder()).orElseThrow());
    LocalDate chainFrom = null;
    while (anchor != null) {
      LocalDate next = chain(p, asOf, ahima, supersededOn, anchor, chainFrom, out);
      chainFrom = next;
      anchor = next;
    }
  }

  /**
   * One chain of cycles from {@code start}: its credentials are those earned on or after
   * {@code chainFrom} (all when null) and before the next chain; a credential earned after the
   * chain was revoked starts the next one, whose start this returns (null when none).
   */
  private static LocalDate chain(CandidateProfile p, LocalDate asOf, List<HeldCredential> ahima,
      Map<CredentialCode, LocalDate> supersededOn, LocalDate start, LocalDate chainFrom, Map<String, Verdict> out) {
    LocalDate countFrom = start;
    LocalDate activeFrom = start;
    TreeSet<String> inherited = new TreeSet<>();
    while (true) {
      LocalDate end = twoYearsOn(start).minusDays(1);
      LocalDate lastCounted = end.plusDays(INACTIVE_DAYS);
      LocalDate cycleStart = start;
      List<CredentialCode> membersAtStart = ahima.stream()
          .filter(c -> !c.earnedOn().isAfter(cycleStart))
          .filter(c -> chainFrom == null || !c.earnedOn().isBefore(chainFrom))
          .filter(c -> !supersededOn.containsKey(c.code()) || supersededOn.get(c.code()).isAfter(cycleStart))
          .map(HeldCredential::code).toList();
      List<CredentialCode> current = ahima.stream().map(HeldCredential::code)
          .filter(c -> !supersededOn.containsKey(c)).toList();
      int required = combined(membersAtStart.isEmpty() ? current : membersAtStart);
      double domainRequired = Math.ceil(required * 0.8);
      double sourcedRequired = start.isBefore(SOURCE_RULE_FROM) ? 0 : Math.ceil(required * 0.4);
      LocalDate from = countFrom;
      List<CeuActivity> window = p.continuingEducation().stream()
          .filter(a -> !a.date().isBefore(from) && !a.date().isAfter(lastCounted))
          .sorted(Comparator.comparing(CeuActivity::date)).toList();
      LocalDate metOn = null;
      for (LocalDate day : window.stream().map(CeuActivity::date).distinct().toList()) {
        if (hours(window, day, 0) >= required && hours(window, day, 1) >= domainRequired
            && hours(window, day, 2) >= sourcedRequired) {
          metOn = day;
          break;
        }
      }
      LocalDate countTo = metOn == null ? lastCounted : metOn.isAfter(end) ? metOn : end;
      boolean mixed = ahima.stream().anyMatch(c -> c.earnedOn().isAfter(cycleStart) && !c.earnedOn().isAfter(lastCounted));
      TreeSet<String> readings = new TreeSet<>(inherited);
      if (mixed) {
        readings.add("AHIMA-MIDCYCLE");
      }
      if (metOn != null && metOn.isAfter(end)) {
        readings.add("AHIMA-INACTIVE-CEUS");
      }
      boolean straddles = start.isBefore(SOURCE_RULE_FROM) && !end.isBefore(SOURCE_RULE_FROM);
      if (straddles && hours(window, countTo, 2) < Math.ceil(required * 0.4)) {
        readings.add("AHIMA-SOURCE-STRADDLE");
      }
      LocalDate dueFrom = end.minusDays(DUE_DAYS);
      if (metOn != null && end.isBefore(asOf)) {
        activeFrom = metOn.isAfter(dueFrom) ? metOn : activeFrom;
        countFrom = metOn.isAfter(end) ? metOn.plusDays(1) : end.plusDays(1);
        inherited = readings;
        start = end.plusDays(1);
        continue;
      }
      double earned = hours(window, countTo, 0);
      LocalDate nextChain = null;
      if (metOn == null && !mixed) {
        nextChain = ahima.stream().map(HeldCredential::earnedOn).filter(d -> d.isAfter(lastCounted))
            .min(Comparator.naturalOrder()).orElse(null);
      }
      for (HeldCredential c : ahima) {
        boolean inChain = (chainFrom == null || !c.earnedOn().isBefore(chainFrom))
            && (nextChain == null || c.earnedOn().isBefore(nextChain));
        if (!inChain) {
          continue;
        }
        if (supersededOn.containsKey(c.code())) {
          out.put(c.code().name(), new Verdict(CredentialStatus.SUPERSEDED, supersededOn.get(c.code()), null, null, null,
              0, 0, new TreeSet<>()));
          continue;
        }
        CredentialStatus status;
        LocalDate since;
        LocalDate until;
        if (!end.isBefore(asOf)) {
          if (metOn != null || end.isAfter(asOf.plusDays(DUE_DAYS))) {
            status = CredentialStatus.ACTIVE;
            since = metOn != null && metOn.isAfter(dueFrom) ? metOn : activeFrom;
            until = metOn == null ? dueFrom.minusDays(1) : twoYearsOn(end.plusDays(1)).minusDays(1).minusDays(DUE_DAYS + 1);
          } else {
            status = CredentialStatus.RENEWAL_DUE;
            since = dueFrom;
            until = end;
          }
        } else if (!end.isBefore(asOf.minusDays(INACTIVE_DAYS))) {
          status = CredentialStatus.INACTIVE;
          since = end.plusDays(1);
          until = lastCounted;
        } else if (mixed) {
          status = CredentialStatus.INACTIVE;
          since = end.plusDays(1);
          until = null;
        } else {
          status = CredentialStatus.REVOKED;
          since = lastCounted.plusDays(1);
          until = null;
        }
        since = since.isBefore(c.earnedOn()) ? c.earnedOn() : since;
        out.put(c.code().name(), new Verdict(status, since, until, start, end, required, earned, readings));
      }
      return nextChain;
    }
  }

  /** The highest requirement plus 10 per further credential, at most 50 (AHIMA-MULTI). */
  private static int combined(List<CredentialCode> codes) {
    int highest = codes.stream().mapToInt(AHIMA_CEUS::get).max().orElseThrow();
    return Math.min(50, highest + 10 * (codes.size() - 1));
  }

  /** The same date two years later; from 29 February, 1 March. */
  private static LocalDate twoYearsOn(LocalDate day) {
    LocalDate same = day.plusYears(2);
    return same.getDayOfMonth() == day.getDayOfMonth() ? same : same.plusDays(1);
  }

  // ---- HIMSS ----

  private static Verdict himss(CandidateProfile p, HeldCredential c, LocalDate asOf) {
    LocalDate start = c.cycleStart() != null ? c.cycleStart() : c.earnedOn();
    LocalDate activeFrom = start;
    LocalDate expires = monthEndThreeYearsOn(start);
    while (true) {
      LocalDate periodStart = start;
      LocalDate periodEnd = expires;
      List<CeuActivity> window = p.continuingEducation().stream()
          .filter(a -> !a.date().isBefore(periodStart) && !a.date().isAfter(periodEnd))
          .sorted(Comparator.comparing(CeuActivity::date)).toList();
      LocalDate metOn = null;
      for (LocalDate day : window.stream().map(CeuActivity::date).distinct().toList()) {
        if (hours(window, day, 0) >= 45 && hours(window, day, 3) >= 25 && hours(window, day, 4) >= 2) {
          metOn = day;
          break;
        }
      }
      LocalDate dueFrom = expires.minusDays(DUE_DAYS);
      if (metOn != null && expires.isBefore(asOf)) {
        activeFrom = metOn.isAfter(dueFrom) ? metOn : activeFrom;
        start = expires.plusDays(1);
        expires = monthEndThreeYearsOn(expires); // renewed on the expiry date
        continue;
      }
      double earned = hours(window, expires, 0);
      if (expires.isBefore(asOf)) {
        return new Verdict(CredentialStatus.EXPIRED, expires.plusDays(1), null, start, expires, 45, earned, new TreeSet<>());
      }
      if (metOn != null || expires.isAfter(asOf.plusDays(DUE_DAYS))) {
        LocalDate until = metOn == null ? dueFrom.minusDays(1) : monthEndThreeYearsOn(expires).minusDays(DUE_DAYS + 1);
        return new Verdict(CredentialStatus.ACTIVE, metOn != null && metOn.isAfter(dueFrom) ? metOn : activeFrom, until,
            start, expires, 45, earned, new TreeSet<>());
      }
      return new Verdict(CredentialStatus.RENEWAL_DUE, dueFrom, expires, start, expires, 45, earned, new TreeSet<>());
    }
  }

  /** Last day of the month three years after {@code day}: earned or renewed then, the credential expires then. */
  private static LocalDate monthEndThreeYearsOn(LocalDate day) {
    return YearMonth.from(day.plusYears(3)).atEndOfMonth();
  }

  // ---- shared ----

  /**
   * Hours dated up to {@code to} in {@code window}, rounded to hundredths: 0 all, 1 HIIM domain,
   * 2 from AHIMA or a component association, 3 from HIMSS or an approved provider, 4 ethics.
   */
  private static double hours(List<CeuActivity> window, LocalDate to, int which) {
    List<Double> counted = new ArrayList<>();
    for (CeuActivity a : window) {
      if (a.date().isAfter(to)) {
        break;
      }
      boolean counts = switch (which) {
        case 1 -> a.hiimDomain();
        case 2 -> a.provider().name().startsWith("AHIMA");
        case 3 -> a.provider().name().startsWith("HIMSS");
        case 4 -> a.ethics();
        default -> true;
      };
      if (counts) {
        counted.add(a.hours());
      }
    }
    double total = 0;
    for (double h : counted) {
      total += h;
    }
    return Math.round(total * 100) / 100.0;
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static Optional<HeldCredential> held(List<HeldCredential> credentials, CredentialCode code) {
    return credentials.stream().filter(c -> c.code().equals(code)).findFirst();
  }
}
