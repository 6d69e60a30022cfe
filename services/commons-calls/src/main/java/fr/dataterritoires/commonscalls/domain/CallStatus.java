package fr.dataterritoires.commonscalls.domain;

/** Lifecycle of a call: draft → open → closed → under evaluation → decided. */
public enum CallStatus {
    DRAFT, OPEN, CLOSED, UNDER_EVALUATION, DECIDED
}
