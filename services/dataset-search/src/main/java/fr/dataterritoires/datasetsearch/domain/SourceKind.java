package fr.dataterritoires.datasetsearch.domain;

/** The protocols the catalogue harvests. */
public enum SourceKind {
    /** A DCAT-AP catalogue (RDF/XML, Turtle, JSON-LD), possibly paged with Hydra. */
    DCAT,
    /** A CSW geo catalogue (GeoNetwork, Géo-IDE) asked for GeoDCAT-AP, DCAT or ISO 19139 records. */
    CSW,
    /** The data.gouv.fr API v1 ({@code /api/1/datasets/}) or another udata portal. */
    DATAGOUV,
    /** The CKAN action API ({@code /api/3/action/package_search}). */
    CKAN
}
