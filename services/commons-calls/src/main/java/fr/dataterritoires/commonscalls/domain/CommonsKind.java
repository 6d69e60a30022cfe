package fr.dataterritoires.commonscalls.domain;

/** Kinds of commons a call accepts and an application proposes. */
public enum CommonsKind {
    STANDARD, SOFTWARE, ALGORITHM, COLLABORATIVE_DATABASE, METHOD
}
