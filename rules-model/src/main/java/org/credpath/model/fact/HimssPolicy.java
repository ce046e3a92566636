package org.credpath.model.fact;

import org.credpath.model.profile.CredentialCode;

/**
 * Renewal thresholds of one HIMSS credential, inserted by that credential's rule file.
 *
 * @param validYears the credential expires at the end of the month this many years after it was
 *     earned or renewed (HIMSS-CYCLE)
 * @param hours continuing-education hours per cycle (HIMSS-RENEW)
 * @param himssSourcedHours of those, from HIMSS or HIMSS-approved providers
 * @param ethicsHours of those, on ethics or conflict of interest
 * @param waiverMonthsBefore a hardship waiver must be requested this many months before expiry
 *     (HIMSS-WAIVER)
 * @param dueSoonDays RENEWAL_DUE starts this many days before expiry (HIMSS-DUE-SOON)
 */
public record HimssPolicy(
    CredentialCode credential,
    int validYears,
    int hours,
    int himssSourcedHours,
    int ethicsHours,
    int waiverMonthsBefore,
    int dueSoonDays) {}
