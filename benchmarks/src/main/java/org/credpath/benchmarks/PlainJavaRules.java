package org.credpath.benchmarks;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.credpath.model.fact.Hours;
import org.credpath.model.profile.CandidateProfile;
import org.credpath.model.profile.CeuActivity;
import org.credpath.model.profile.CredentialCode;
import org.credpath.model.profile.Education;
import org.credpath.model.profile.HeldCredential;
import org.credpath.model.result.CredentialStatus;

/**
 * The RHIT and CAHIMS rules hand-written in plain Java: the code a vendor would write instead of
 * using a rules engine. It is the benchmark's baseline, and it is checked against the same rules
 * run through Drools on every profile, so it must follow the policy exactly as the DRL does:
 * eligibility, cycles rolled forward while met (in the cycle or during its 180 inactive days), CEUs
 * counted only inside a cycle, quotas, and the statuses with their 180-day windows.
 */
public final class PlainJavaRules {
  /** The parts of a verdict both implementations must agree on. */
  public record Verdict(CredentialStatus status, LocalDate cycleStart, LocalDate cycleEnd, double required, double earned) {}

  private static final LocalDate AHIMA_SOURCE_FROM = LocalDate.of(2025, 1, 1);

  private PlainJavaRules() {}

  /** RHIT and CAHIMS verdicts by code. */
  public static Map<String, Verdict> evaluate(CandidateProfile p, LocalDate asOf) {
    Map<String, Verdict> verdicts = new TreeMap<>();
    verdicts.put("RHIT", rhit(p, asOf));
    verdicts.put("CAHIMS", cahims(p, asOf));
    return verdicts;
  }

  private static Verdict rhit(CandidateProfile p, LocalDate asOf) {
    Optional<HeldCredential> held = held(p, CredentialCode.RHIT);
    if (held.isEmpty()) {
      List<Education> ed = p.education();
      if (ed.stream().anyMatch(e -> e.himProgram() && e.cahiimAccredited() && e.completed() && e.associateOrAbove())
          || ed.stream().anyMatch(e -> e.foreignReciprocity() && e.completed())) {
        return new Verdict(CredentialStatus.ELIGIBLE, null, null, 0, 0);
      }
      if (ed.stream().anyMatch(e -> e.himProgram() && e.cahiimAccredited() && e.finalStage() && e.associateOrAbove())) {
        return new Verdict(CredentialStatus.EARLY_TESTING, null, null, 0, 0);
      }
      return new Verdict(CredentialStatus.NOT_ELIGIBLE, null, null, 0, 0);
    }
    if (held(p, CredentialCode.RHIA).isPresent()) {
      return new Verdict(CredentialStatus.SUPERSEDED, null, null, 0, 0);
    }
    LocalDate start = ahimaAnchor(p);
    LocalDate countFrom = start;
    while (true) {
      LocalDate end = anniversary(start).minusDays(1);
      LocalDate lastCounted = end.plusDays(180);
      double sourcedRequired = start.isBefore(AHIMA_SOURCE_FROM) ? 0 : 8;
      // The day the CEUs counted so far first meet the requirement; CEUs dated in the 180 inactive
      // days count toward a missed cycle (AHIMA-INACTIVE-CEUS).
      LocalDate metOn = null;
      for (LocalDate day : activityDays(p, countFrom, lastCounted)) {
        if (sum(p, countFrom, day, 0) >= 20 && sum(p, countFrom, day, 1) >= 16 && sum(p, countFrom, day, 2) >= sourcedRequired) {
          metOn = day;
          break;
        }
      }
      if (metOn != null && end.isBefore(asOf)) {
        countFrom = metOn.isAfter(end) ? metOn.plusDays(1) : end.plusDays(1);
        start = end.plusDays(1);
        continue;
      }
      if (metOn == null && lastCounted.isBefore(asOf) && !joinedDuring(p, start, lastCounted)) {
        // Revoked: an AHIMA credential earned after that is a new certification with cycles of its
        // own (AHIMA-CYCLE); RHIT follows the newest such chain it was earned in.
        LocalDate revokedAfter = lastCounted;
        Optional<LocalDate> next = p.credentials().stream().filter(HeldCredential::ahima).map(HeldCredential::earnedOn)
            .filter(d -> d.isAfter(revokedAfter)).min(LocalDate::compareTo);
        if (next.isPresent() && !held.get().earnedOn().isBefore(next.get())) {
          start = next.get();
          countFrom = start;
          continue;
        }
      }
      LocalDate countTo = metOn == null ? lastCounted : end;
      CredentialStatus status;
      if (!end.isBefore(asOf)) {
        status = metOn != null || end.isAfter(asOf.plusDays(180)) ? CredentialStatus.ACTIVE : CredentialStatus.RENEWAL_DUE;
      } else if (!end.isBefore(asOf.minusDays(180)) || joinedDuring(p, start, lastCounted)) {
        // A cycle another AHIMA credential joined part-way is never revoked (AHIMA-MIDCYCLE).
        status = CredentialStatus.INACTIVE;
      } else {
        status = CredentialStatus.REVOKED;
      }
      return new Verdict(status, start, end, 20, sum(p, countFrom, countTo, 0));
    }
  }

  /** The distinct dates of activities in [from, to], in order. */
  private static List<LocalDate> activityDays(CandidateProfile p, LocalDate from, LocalDate to) {
    return p.continuingEducation().stream().map(CeuActivity::date)
        .filter(d -> !d.isBefore(from) && !d.isAfter(to)).distinct().sorted().toList();
  }

  /** An AHIMA credential was earned after {@code start} and no later than {@code to}. */
  private static boolean joinedDuring(CandidateProfile p, LocalDate start, LocalDate to) {
    return p.credentials().stream().anyMatch(c -> c.ahima() && c.earnedOn().isAfter(start) && !c.earnedOn().isAfter(to));
  }

  private static Verdict cahims(CandidateProfile p, LocalDate asOf) {
    Optional<HeldCredential> held = held(p, CredentialCode.CAHIMS);
    if (held.isEmpty()) {
      return new Verdict(p.highSchool().held() ? CredentialStatus.ELIGIBLE : CredentialStatus.NOT_ELIGIBLE, null, null, 0, 0);
    }
    LocalDate start = held.get().cycleStart() != null ? held.get().cycleStart() : held.get().earnedOn();
    LocalDate expires = YearMonth.from(start.plusYears(3)).atEndOfMonth();
    while (true) {
      double earned = sum(p, start, expires, 0);
      double himss = sum(p, start, expires, 3);
      double ethics = sum(p, start, expires, 4);
      boolean met = earned >= 45 && himss >= 25 && ethics >= 2;
      if (met && expires.isBefore(asOf)) {
        start = expires.plusDays(1);
        expires = YearMonth.from(expires.plusYears(3)).atEndOfMonth();
        continue;
      }
      CredentialStatus status = expires.isBefore(asOf) ? CredentialStatus.EXPIRED
          : met || expires.isAfter(asOf.plusDays(180)) ? CredentialStatus.ACTIVE : CredentialStatus.RENEWAL_DUE;
      return new Verdict(status, start, expires, 45, earned);
    }
  }

  /** The latest cycle start AHIMA reported, else the earliest AHIMA exam date. */
  private static LocalDate ahimaAnchor(CandidateProfile p) {
    Optional<LocalDate> reported = p.credentials().stream().filter(HeldCredential::ahima)
        .map(HeldCredential::cycleStart).filter(d -> d != null).max(LocalDate::compareTo);
    return reported.orElseGet(() -> p.credentials().stream().filter(HeldCredential::ahima)
        .map(HeldCredential::earnedOn).min(LocalDate::compareTo).orElseThrow());
  }

  private static LocalDate anniversary(LocalDate start) {
    LocalDate same = start.plusYears(2);
    return same.getDayOfMonth() != start.getDayOfMonth() ? same.plusDays(1) : same;
  }

  /** Hours dated in [from, to]: 0 all, 1 HIIM domain, 2 AHIMA-sourced, 3 HIMSS-sourced, 4 ethics. */
  private static double sum(CandidateProfile p, LocalDate from, LocalDate to, int which) {
    double total = 0;
    for (CeuActivity a : p.continuingEducation()) {
      if (a.date().isBefore(from) || a.date().isAfter(to)) {
        continue;
      }
      boolean counts = switch (which) {
        case 1 -> a.hiimDomain();
        case 2 -> a.ahimaSourced();
        case 3 -> a.himssSourced();
        case 4 -> a.ethics();
        default -> true;
      };
      total += counts ? a.hours() : 0;
    }
    return Hours.round(total);
  }

  private static Optional<HeldCredential> held(CandidateProfile p, CredentialCode code) {
    return p.credentials().stream().filter(c -> c.code().equals(code)).findFirst();
  }
}
