package fr.dataterritoires.commonscalls.domain;

/**
 * Draft → submitted (only while the call is open) → eligible or ineligible (automatic rules, then a manual decision)
 * → awarded, waitlisted or rejected. A draft or submitted application can be withdrawn.
 */
public enum ApplicationStatus {
    DRAFT, SUBMITTED, ELIGIBLE, INELIGIBLE, AWARDED, WAITLISTED, REJECTED, WITHDRAWN
}
