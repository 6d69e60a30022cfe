package fr.dataterritoires.commonscalls.web;

import static fr.dataterritoires.commonscalls.support.Api.COORDINATOR;
import static fr.dataterritoires.commonscalls.support.Api.FUNDER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import fr.dataterritoires.commonscalls.support.Api;
import fr.dataterritoires.commonscalls.support.ServiceTest;
import fr.dataterritoires.territory.Siren;

/**
 * The lists of calls and funders are paged in their SQL (issue 11 §3): {@code limit} and {@code offset} are honoured
 * in a stable order, and a page beyond the bounds is a 400 naming the parameter, never a silently cut answer.
 */
@ServiceTest
class CallAndFunderListsApiTest {

    @LocalServerPort
    int port;

    @Test
    void callsArePagedNewestFirstAndAPageBeyondTheBoundsIsRefused() {
        Api api = new Api(port);
        String funderId = api.demoFunder();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.addFirst(api.post("/api/calls", FUNDER, Api.callBody(funderId, "COMMONS", null, "300000.00",
                    "120000.00", "10000.00")).status(201).json().path("id").asString());
        }
        // the funder sees its drafts, newest first
        assertThat(api.get("/api/calls?limit=3", FUNDER).ok().json().findValuesAsString("id"))
                .containsExactlyElementsOf(created);
        assertThat(api.get("/api/calls?limit=2&offset=1", FUNDER).ok().json().findValuesAsString("id"))
                .containsExactlyElementsOf(created.subList(1, 3));
        assertThat(api.get("/api/calls?limit=1&offset=2", FUNDER).ok().json().findValuesAsString("id"))
                .containsExactly(created.get(2));
        api.get("/api/calls?limit=201", null).problem(400, "limit");
        api.get("/api/calls?limit=0", null).problem(400, "limit");
        api.get("/api/calls?offset=100001", null).problem(400, "offset");
        api.get("/api/calls?offset=-1", null).problem(400, "offset");
    }

    @Test
    void fundersArePagedByNameAndOneIsFoundByItsSiren() {
        Api api = new Api(port);
        List<String> sirens = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String siren = Siren.withCheckDigit("1900" + String.format("%04d", Api.unique() % 10_000)).value();
            if (api.get("/api/funders?siren=" + siren, null).ok().json().isEmpty()) {
                api.post("/api/funders", COORDINATOR, Map.of("siren", siren, "name", "Financeur paginé " + i))
                        .status(201);
            }
            sirens.add(siren);
        }
        List<String> all = api.get("/api/funders?limit=200", null).ok().json().findValuesAsString("id");
        assertThat(all).hasSizeGreaterThanOrEqualTo(3).hasSizeLessThan(200);
        assertThat(api.get("/api/funders?limit=2", null).ok().json().findValuesAsString("id"))
                .containsExactlyElementsOf(all.subList(0, 2));
        assertThat(api.get("/api/funders?limit=2&offset=1", null).ok().json().findValuesAsString("id"))
                .containsExactlyElementsOf(all.subList(1, 3));
        assertThat(api.get("/api/funders?offset=" + all.size(), null).ok().json().size()).isZero();
        // by SIREN: that funder alone, whatever the page
        assertThat(api.get("/api/funders?siren=" + sirens.get(1), null).ok().json().findValuesAsString("siren"))
                .containsExactly(sirens.get(1));
        assertThat(api.get("/api/funders?siren=" + sirens.get(1) + "&offset=1", null).ok().json().size()).isZero();
        api.get("/api/funders?siren=123456789", null).problem(400, "siren");
        api.get("/api/funders?limit=201", null).problem(400, "limit");
        api.get("/api/funders?limit=0", null).problem(400, "limit");
        api.get("/api/funders?offset=100001", null).problem(400, "offset");
    }
}
