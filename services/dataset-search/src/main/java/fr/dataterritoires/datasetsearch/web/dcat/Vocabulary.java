package fr.dataterritoires.datasetsearch.web.dcat;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** Terms used by the export that Jena's vocabulary classes do not all carry. */
final class Vocabulary {

    static final String DCAT = "http://www.w3.org/ns/dcat#";
    static final String DCT = "http://purl.org/dc/terms/";
    static final String FOAF = "http://xmlns.com/foaf/0.1/";
    static final String VCARD = "http://www.w3.org/2006/vcard/ns#";
    static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    static final String ADMS = "http://www.w3.org/ns/adms#";
    static final String HYDRA = "http://www.w3.org/ns/hydra/core#";
    static final String XSD = "http://www.w3.org/2001/XMLSchema#";
    static final String RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    static final String RDFS_NS = "http://www.w3.org/2000/01/rdf-schema#";
    static final String EU = "http://publications.europa.eu/resource/authority/";
    static final String IANA = "https://www.iana.org/assignments/media-types/";

    // dcat
    static final Resource CATALOG = r(DCAT + "Catalog");
    static final Resource DATASET = r(DCAT + "Dataset");
    static final Resource DISTRIBUTION = r(DCAT + "Distribution");
    static final Property DATASET_P = p(DCAT + "dataset");
    static final Property DISTRIBUTION_P = p(DCAT + "distribution");
    static final Property KEYWORD = p(DCAT + "keyword");
    static final Property THEME = p(DCAT + "theme");
    static final Property THEME_TAXONOMY = p(DCAT + "themeTaxonomy");
    static final Property CONTACT_POINT = p(DCAT + "contactPoint");
    static final Property ACCESS_URL = p(DCAT + "accessURL");
    static final Property DOWNLOAD_URL = p(DCAT + "downloadURL");
    static final Property MEDIA_TYPE = p(DCAT + "mediaType");
    static final Property BYTE_SIZE = p(DCAT + "byteSize");
    static final Property LANDING_PAGE = p(DCAT + "landingPage");
    static final Property START_DATE = p(DCAT + "startDate");
    static final Property END_DATE = p(DCAT + "endDate");

    // dct
    static final Property TITLE = p(DCT + "title");
    static final Property DESCRIPTION = p(DCT + "description");
    static final Property IDENTIFIER = p(DCT + "identifier");
    static final Property PUBLISHER = p(DCT + "publisher");
    static final Property ISSUED = p(DCT + "issued");
    static final Property MODIFIED = p(DCT + "modified");
    static final Property LANGUAGE = p(DCT + "language");
    static final Property LICENSE = p(DCT + "license");
    static final Property ACCESS_RIGHTS = p(DCT + "accessRights");
    static final Property SPATIAL = p(DCT + "spatial");
    static final Property TEMPORAL = p(DCT + "temporal");
    static final Property ACCRUAL_PERIODICITY = p(DCT + "accrualPeriodicity");
    static final Property CONFORMS_TO = p(DCT + "conformsTo");
    static final Property FORMAT = p(DCT + "format");
    static final Property TYPE = p(DCT + "type");
    static final Resource LICENSE_DOCUMENT = r(DCT + "LicenseDocument");
    static final Resource RIGHTS_STATEMENT = r(DCT + "RightsStatement");
    static final Resource LOCATION = r(DCT + "Location");
    static final Resource PERIOD_OF_TIME = r(DCT + "PeriodOfTime");
    static final Resource FREQUENCY = r(DCT + "Frequency");
    static final Resource STANDARD = r(DCT + "Standard");
    static final Resource MEDIA_TYPE_OR_EXTENT = r(DCT + "MediaTypeOrExtent");
    static final Resource MEDIA_TYPE_C = r(DCT + "MediaType");
    static final Resource LINGUISTIC_SYSTEM = r(DCT + "LinguisticSystem");

    // foaf, vcard, skos, adms
    static final Resource AGENT = r(FOAF + "Agent");
    static final Resource DOCUMENT = r(FOAF + "Document");
    static final Property NAME = p(FOAF + "name");
    static final Property HOMEPAGE = p(FOAF + "homepage");
    static final Property PAGE = p(FOAF + "page");
    static final Resource KIND = r(VCARD + "Kind");
    static final Property FN = p(VCARD + "fn");
    static final Property HAS_EMAIL = p(VCARD + "hasEmail");
    static final Property HAS_URL = p(VCARD + "hasURL");
    static final Resource CONCEPT = r(SKOS + "Concept");
    static final Resource CONCEPT_SCHEME = r(SKOS + "ConceptScheme");
    static final Property PREF_LABEL = p(SKOS + "prefLabel");
    static final Property NOTATION = p(SKOS + "notation");
    static final Property IN_SCHEME = p(SKOS + "inScheme");
    static final Resource ADMS_IDENTIFIER = r(ADMS + "Identifier");
    static final Property ADMS_IDENTIFIER_P = p(ADMS + "identifier");

    // hydra paging
    static final Resource HYDRA_COLLECTION = r(HYDRA + "Collection");
    static final Resource HYDRA_VIEW = r(HYDRA + "PartialCollectionView");
    static final Property HYDRA_TOTAL = p(HYDRA + "totalItems");
    static final Property HYDRA_VIEW_P = p(HYDRA + "view");
    static final Property HYDRA_FIRST = p(HYDRA + "first");
    static final Property HYDRA_LAST = p(HYDRA + "last");
    static final Property HYDRA_NEXT = p(HYDRA + "next");
    static final Property HYDRA_PREVIOUS = p(HYDRA + "previous");

    private Vocabulary() {
    }

    private static Resource r(String iri) {
        return ResourceFactory.createResource(iri);
    }

    private static Property p(String iri) {
        return ResourceFactory.createProperty(iri);
    }
}
