package fr.dataterritoires.datasetsearch.domain;

/**
 * The data standard a dataset declares (a schema.data.gouv.fr id such as {@code etalab/schema-irve-statique}) and
 * whether its resources were found to conform to it.
 *
 * @param id        schema id, never blank
 * @param version   declared version, may be null ("latest")
 * @param conformity what is known of the conformity
 */
public record SchemaDeclaration(String id, String version, Conformity conformity) {

    public enum Conformity { CONFORMS, DOES_NOT_CONFORM, NOT_CHECKED }

    public SchemaDeclaration {
        id = Text.requireNonBlank(id, "schema id");
        version = Text.blankToNull(version);
        conformity = conformity == null ? Conformity.NOT_CHECKED : conformity;
    }
}
