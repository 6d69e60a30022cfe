package fr.dataterritoires.roadmaps.domain.roadmap;

/** What an organisation does in a committee's roadmap (role allocation). */
public enum DataRole {
    PRODUCER,
    FUNDER,
    OPERATOR,
    USER
}
