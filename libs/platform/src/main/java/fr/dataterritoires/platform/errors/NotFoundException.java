package fr.dataterritoires.platform.errors;

/** A resource the request names does not exist (or is not visible to the caller): 404. Plain Java, usable from domain code. */
public class NotFoundException extends RuntimeException {

    /** @param detail French sentence shown to the user, e.g. "La feuille de route 42 est introuvable." */
    public NotFoundException(String detail) {
        super(detail);
    }

    /** "La ressource « feuille de route » d'identifiant 42 est introuvable." */
    public static NotFoundException of(String resourceLabel, Object id) {
        return new NotFoundException("La ressource « " + resourceLabel + " » d'identifiant " + id + " est introuvable.");
    }
}
