package fr.dataterritoires.commonscalls.domain;

/** A call for commons (appel à communs) or an innovation call (appel à projets), whose awards are levied for the préciput. */
public enum CallKind {
    COMMONS, INNOVATION
}
