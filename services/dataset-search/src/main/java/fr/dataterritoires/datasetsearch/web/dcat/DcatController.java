package fr.dataterritoires.datasetsearch.web.dcat;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import fr.dataterritoires.datasetsearch.application.export.CatalogueExport;
import fr.dataterritoires.datasetsearch.application.export.DatasetPage;
import fr.dataterritoires.datasetsearch.domain.Dataset;
import fr.dataterritoires.datasetsearch.domain.DatasetId;
import fr.dataterritoires.datasetsearch.web.dcat.CatalogueWriter.Syntax;
import fr.dataterritoires.platform.errors.NotFoundException;

/**
 * The catalogue in DCAT-AP 3: the whole catalogue streamed ({@code /catalog.ttl}, {@code /catalog.jsonld}), by page
 * with Hydra links and content negotiation ({@code /api/catalog}), and one dataset.
 */
@RestController
class DcatController {

    private static final List<MediaType> OFFERED = List.of(
            MediaType.parseMediaType(Syntax.TURTLE.mediaType()),
            MediaType.parseMediaType(Syntax.JSON_LD.mediaType()),
            MediaType.parseMediaType(Syntax.RDF_XML.mediaType()));

    private final CatalogueExport export;
    private final CatalogueWriter writer;

    DcatController(CatalogueExport export, CatalogueWriter writer) {
        this.export = export;
        this.writer = writer;
    }

    @GetMapping("/catalog.ttl")
    void turtle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (unchanged(request, response, "catalog", Syntax.TURTLE)) {
            return;
        }
        start(response, Syntax.TURTLE);
        writer.writeAll(Syntax.TURTLE, response.getOutputStream());
    }

    @GetMapping("/catalog.jsonld")
    void jsonLd(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (unchanged(request, response, "catalog", Syntax.JSON_LD)) {
            return;
        }
        start(response, Syntax.JSON_LD);
        writer.writeAll(Syntax.JSON_LD, response.getOutputStream());
    }

    /**
     * Conditional GET: a harvester that sends back the ETag it got ({@code If-None-Match}) gets 304 without the
     * catalogue being read or written again, as long as nothing was changed ({@link CatalogueExport#version}).
     */
    private boolean unchanged(HttpServletRequest request, HttpServletResponse response, String what, Syntax syntax) {
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        String etag = "\"" + what + "-" + syntax.name().toLowerCase(Locale.ROOT) + "-" + export.version() + "\"";
        return new ServletWebRequest(request, response).checkNotModified(etag);
    }

    /**
     * A page of the catalogue. The syntax follows {@code Accept} (Turtle when the client accepts anything), or
     * {@code format=ttl|jsonld|rdf} for clients that cannot set headers.
     */
    @GetMapping("/api/catalog")
    void page(@RequestParam(defaultValue = "1") @Min(1) @Max(10_000_000) int page,
              @RequestParam(defaultValue = "100") @Min(1) @Max(CatalogueExport.MAX_PAGE_SIZE) int size,
              @RequestParam(required = false) String format,
              @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
              HttpServletRequest request, HttpServletResponse response)
            throws IOException, HttpMediaTypeNotAcceptableException {
        Syntax syntax = negotiate(format, accept);
        if (unchanged(request, response, "page-" + page + "-" + size, syntax)) {
            return;
        }
        DatasetPage datasets = export.page(page, size);
        var base = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page").replaceQueryParam("size");
        start(response, syntax);
        writer.writePage(datasets, n -> base.cloneBuilder().queryParam("page", n).queryParam("size", size)
                .build().toUriString(), syntax, response.getOutputStream());
    }

    @GetMapping("/api/catalog/datasets/{id}")
    void dataset(@PathVariable UUID id, @RequestParam(required = false) String format,
                 @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                 HttpServletResponse response) throws IOException, HttpMediaTypeNotAcceptableException {
        Syntax syntax = negotiate(format, accept);
        write(id, syntax, response);
    }

    @GetMapping("/api/datasets/{id}.ttl")
    void datasetTurtle(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        write(id, Syntax.TURTLE, response);
    }

    @GetMapping("/api/datasets/{id}.jsonld")
    void datasetJsonLd(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        write(id, Syntax.JSON_LD, response);
    }

    @GetMapping("/api/datasets/{id}.rdf")
    void datasetRdfXml(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        write(id, Syntax.RDF_XML, response);
    }

    private void write(UUID id, Syntax syntax, HttpServletResponse response) throws IOException {
        Dataset dataset = export.published(new DatasetId(id))
                .orElseThrow(() -> NotFoundException.of("jeu de données", id));
        start(response, syntax);
        writer.writeDataset(dataset, syntax, response.getOutputStream());
    }

    private static void start(HttpServletResponse response, Syntax syntax) {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(syntax.mediaType() + ";charset=UTF-8");
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
    }

    static Syntax negotiate(String format, String accept) throws HttpMediaTypeNotAcceptableException {
        if (format != null && !format.isBlank()) {
            return switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "ttl", "turtle" -> Syntax.TURTLE;
                case "jsonld", "json-ld" -> Syntax.JSON_LD;
                case "rdf", "xml", "rdfxml" -> Syntax.RDF_XML;
                default -> throw new HttpMediaTypeNotAcceptableException(OFFERED);
            };
        }
        if (accept == null || accept.isBlank()) {
            return Syntax.TURTLE;
        }
        List<MediaType> wanted;
        try {
            wanted = new java.util.ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (RuntimeException unreadable) {
            throw new HttpMediaTypeNotAcceptableException(OFFERED);
        }
        org.springframework.util.MimeTypeUtils.sortBySpecificity(wanted);
        wanted.sort(java.util.Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType media : wanted) {
            if (media.getQualityValue() == 0) {
                continue;
            }
            for (Syntax syntax : Syntax.values()) {
                if (media.includes(MediaType.parseMediaType(syntax.mediaType()))) {
                    return syntax;
                }
            }
            if (media.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                return Syntax.JSON_LD;
            }
        }
        throw new HttpMediaTypeNotAcceptableException(OFFERED);
    }
}
