package fr.dataterritoires.roadmaps.domain.roadmap;

/** Who files the roadmap: a régional committee (per period) or a ministry (its territorial section, per year). */
public enum RoadmapKind {
    COMMITTEE,
    MINISTERIAL
}
