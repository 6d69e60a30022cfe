package fr.dataterritoires.commonscalls.domain;

/** Kinds of organisations that apply; a call names the ones it accepts (local authorities, mutualisation structures...). */
public enum ApplicantType {
    LOCAL_AUTHORITY, MUTUALISATION_STRUCTURE, STATE_SERVICE, PUBLIC_OPERATOR, ASSOCIATION, COMPANY, RESEARCH, OTHER
}
