package fr.dataterritoires.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The OpenAPI document lists what a client sends: the caller, taken from the token, is not a parameter. */
class ApiDocumentTest extends AbstractWebTest {

    @Test
    void theCallerIsNotAQueryParameter() {
        // found by the e2e fuzzer: GET /api/me was documented with a required query parameter "actor" (an object)
        JsonNode me = http.get("/v3/api-docs", null).json().path("paths").path("/api/me").path("get");

        assertThat(me.isObject()).as("GET /api/me documented").isTrue();
        assertThat(me.path("parameters").findValuesAsString("name")).doesNotContain("actor");
    }
}
