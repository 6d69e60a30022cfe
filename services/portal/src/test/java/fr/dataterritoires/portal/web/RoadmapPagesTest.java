package fr.dataterritoires.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import fr.dataterritoires.platform.security.Role;
import fr.dataterritoires.platform.security.dev.DevUsers;
import fr.dataterritoires.portal.support.Breadcrumb;
import fr.dataterritoires.portal.support.PortalTest;
import fr.dataterritoires.portal.support.RealRoadmaps;
import fr.dataterritoires.portal.support.SignIn;
import tools.jackson.databind.JsonNode;

/**
 * The roadmap pages without JavaScript, against the real roadmaps service: a committee member files a roadmap (the
 * service's refusals shown next to their fields), tracks its progress and submits it; a ministry officer files the
 * ministry's section; the national coordinator reviews, arbitrates (refused beyond the amount requested), publishes,
 * reads the consolidation and publishes a national priority; anonymous visitors see only what is published. Each
 * step is checked against what the service itself then holds.
 */
@PortalTest
class RoadmapPagesTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aCommitteeRoadmapGoesFromDraftToPublishedThroughThePages() throws Exception {
        MockHttpSession member = SignIn.as(mvc, Role.COMMITTEE_MEMBER);
        int start = RealRoadmaps.freshYear();
        String title = "Feuille de route de la donnée " + UUID.randomUUID();

        // a period that ends before it starts: the service's refusal, next to the field it names
        MvcResult backwards = mvc.perform(post("/mes-feuilles-de-route").session(member).with(csrf())
                .param("title", title).param("startYear", String.valueOf(start))
                .param("endYear", String.valueOf(start - 1))).andReturn();
        assertThat(backwards.getResponse().getRedirectedUrl()).isEqualTo("/mes-feuilles-de-route");
        String again = follow(backwards, member);
        assertThat(again).contains("La demande n'a pas été enregistrée").contains("id=\"endYear-erreur\"")
                .contains("fr-input-group--error").contains(SearchPagesTest.escape(title));

        MvcResult created = mvc.perform(post("/mes-feuilles-de-route").session(member).with(csrf())
                .param("title", title).param("startYear", String.valueOf(start))
                .param("endYear", String.valueOf(start + 2))).andReturn();
        String edit = created.getResponse().getRedirectedUrl();
        assertThat(edit).matches("/feuilles-de-route/[0-9a-f-]{36}/edition");
        String id = edit.split("/")[2];
        assertThat(follow(created, member)).contains("est créée").contains("Brouillon")
                .contains("Ajouter une ligne financière")
                .containsPattern(Breadcrumb.of(title, "Mes feuilles de route", "/mes-feuilles-de-route"));
        assertThat(body(mvc.perform(get("/mes-feuilles-de-route").session(member)).andReturn())).contains(title);

        // an item with its required fields missing: each refusal next to its field, what was typed kept
        String form = "/feuilles-de-route/" + id + "/elements/nouveau?type=FINANCIAL_LINE";
        MvcResult incomplete = mvc.perform(post("/feuilles-de-route/" + id + "/elements/nouveau").session(member)
                .with(csrf()).param("type", "FINANCIAL_LINE").param("version", "1")
                .param("title", "Animation du comité")).andReturn();
        assertThat(incomplete.getResponse().getRedirectedUrl()).isEqualTo(form);
        String refused = follow(incomplete, member);
        assertThat(refused).contains("id=\"financialLine-amount-erreur\"").contains("href=\"#financialLine-amount\"")
                .contains("id=\"financialLine-year-erreur\"").contains("id=\"financialLine-source-erreur\"")
                .contains("value=\"Animation du comité\"")
                // the kind goes once, in the hidden field, not also in the form's address
                .contains("action=\"/feuilles-de-route/" + id + "/elements/nouveau\"");
        // an amount that is not one
        MvcResult notANumber = mvc.perform(post("/feuilles-de-route/" + id + "/elements/nouveau").session(member)
                .with(csrf()).param("type", "FINANCIAL_LINE").param("version", "1")
                .param("title", "Animation du comité").param("financialLine.amount", "douze")
                .param("financialLine.year", String.valueOf(start)).param("financialLine.source", "STATE")).andReturn();
        assertThat(follow(notANumber, member)).contains("id=\"financialLine-amount-erreur\"").contains("value=\"douze\"")
                .contains("<option value=\"STATE\" selected=\"selected\">État</option>");

        long version = version(id);
        assertThat(send(post("/feuilles-de-route/" + id + "/elements/nouveau")
                .param("type", "FINANCIAL_LINE").param("version", String.valueOf(version))
                .param("title", "Animation du comité").param("financialLine.amount", "15 000,50")
                .param("financialLine.year", String.valueOf(start)).param("financialLine.source", "STATE"), member)).contains("id=\"succes\"");
        assertThat(send(post("/feuilles-de-route/" + id + "/elements/nouveau")
                .param("type", "USE_CASE").param("version", String.valueOf(version + 1))
                .param("title", "Observatoire des mobilités").param("useCase.policyDomain", "mobilités")
                .param("useCase.territory", "departement:69, commune:69123")
                .param("useCase.expectedOutcome", "Des trajets domicile-travail mieux connus"), member)).contains("id=\"succes\"");
        JsonNode filed = RealRoadmaps.api("GET", "/api/roadmaps/" + id, null, 200, RealRoadmaps.token(Role.COMMITTEE_MEMBER));
        assertThat(filed.path("regionCode").asString()).isEqualTo(DevUsers.DEMO_REGION);
        assertThat(filed.path("items").size()).isEqualTo(2);
        JsonNode line = item(filed, "FINANCIAL_LINE");
        assertThat(line.path("content").path("financialLine").path("amount").decimalValue())
                .isEqualByComparingTo("15000.50");
        assertThat(item(filed, "USE_CASE").path("content").path("useCase").path("territory").valueStream()
                .map(JsonNode::asString)).containsExactly("commune:69123", "departement:69");

        // a territory outside the région is the service's to refuse, next to the field
        MvcResult outside = mvc.perform(post("/feuilles-de-route/" + id + "/elements/nouveau").session(member)
                .with(csrf()).param("type", "USE_CASE").param("version", String.valueOf(version(id)))
                .param("title", "Hors région").param("useCase.policyDomain", "eau")
                .param("useCase.territory", "commune:13055").param("useCase.expectedOutcome", "…")).andReturn();
        assertThat(follow(outside, member)).contains("id=\"useCase-territory-erreur\"");

        // the edit form shows the item as the service holds it; a change goes back to it
        String useCase = item(filed, "USE_CASE").path("id").asString();
        String itemPage = body(mvc.perform(get("/feuilles-de-route/" + id + "/elements/" + useCase).session(member))
                .andReturn());
        assertThat(itemPage).contains("value=\"commune:69123, departement:69\"").contains("value=\"mobilités\"");
        assertThat(send(post("/feuilles-de-route/" + id + "/elements/" + useCase)
                .param("type", "USE_CASE").param("version", String.valueOf(version(id)))
                .param("title", "Observatoire régional des mobilités").param("useCase.policyDomain", "mobilités")
                .param("useCase.territory", "region:84").param("useCase.expectedOutcome", "Des trajets mieux connus"), member)).contains("id=\"succes\"");
        // progress, then a progress the service refuses (over 100)
        assertThat(send(post("/feuilles-de-route/" + id + "/elements/" + useCase + "/suivi")
                .param("version", String.valueOf(version(id))).param("status", "IN_PROGRESS").param("progress", "40"), member)).contains("id=\"succes\"");
        MvcResult tooMuch = mvc.perform(post("/feuilles-de-route/" + id + "/elements/" + useCase + "/suivi")
                .session(member).with(csrf()).param("version", String.valueOf(version(id)))
                .param("status", "IN_PROGRESS").param("progress", "140")).andReturn();
        assertThat(follow(tooMuch, member)).contains("La demande n'a pas été enregistrée")
                .contains("avancement-" + useCase + "-erreur");
        JsonNode tracked = item(RealRoadmaps.api("GET", "/api/roadmaps/" + id, null, 200,
                RealRoadmaps.token(Role.COMMITTEE_MEMBER)), "USE_CASE");
        assertThat(tracked.path("title").asString()).isEqualTo("Observatoire régional des mobilités");
        assertThat(tracked.path("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(tracked.path("progress").asInt()).isEqualTo(40);

        // not published: anonymous visitors do not see it
        MvcResult hidden = mvc.perform(get("/feuilles-de-route/" + id)).andReturn();
        assertThat(hidden.getResponse().getStatus()).isEqualTo(404);
        assertThat(body(mvc.perform(get("/feuilles-de-route/regions/84")).andReturn())).doesNotContain(title);

        MvcResult submitted = mvc.perform(post("/feuilles-de-route/" + id + "/soumission").session(member)
                .with(csrf()).param("version", String.valueOf(version(id)))).andReturn();
        assertThat(follow(submitted, member)).contains("soumise à l'instance nationale").contains("Soumise")
                .doesNotContain("id=\"soumettre\"");

        // the coordinator: to review, taken up, arbitrated (not beyond what was requested), published
        MockHttpSession coordinator = SignIn.as(mvc, Role.NATIONAL_COORDINATOR);
        assertThat(body(mvc.perform(get("/coordination/feuilles-de-route").session(coordinator)).andReturn()))
                .contains(title);
        String review = "/coordination/feuilles-de-route/" + id;
        assertThat(send(post(review + "/examen").param("version", String.valueOf(version(id))), coordinator)).contains("id=\"succes\"");
        String lineId = line.path("id").asString();
        MvcResult overGranted = mvc.perform(post(review + "/arbitrage").session(coordinator).with(csrf())
                .param("version", String.valueOf(version(id))).param("itemId", lineId)
                .param("grantedAmount", "20000").param("grantedFte", "").param("reason", "Accordé, en entier"))
                .andReturn();
        assertThat(follow(overGranted, coordinator)).contains("dépasse le montant demandé").contains("value=\"20000\"");
        MvcResult granted = mvc.perform(post(review + "/arbitrage").session(coordinator).with(csrf())
                .param("version", String.valueOf(version(id))).param("itemId", lineId)
                .param("grantedAmount", "12000").param("grantedFte", "").param("reason", "Accordé, en partie"))
                .andReturn();
        assertThat(follow(granted, coordinator)).contains("L'arbitrage est enregistré").contains("id=\"publier\"");
        assertThat(send(post(review + "/publication").param("version", String.valueOf(version(id))), coordinator)).contains("id=\"succes\"");

        JsonNode published = RealRoadmaps.api("GET", "/api/roadmaps/" + id, null, 200, null);
        assertThat(published.path("status").asString()).isEqualTo("PUBLISHED");
        assertThat(item(published, "FINANCIAL_LINE").path("grant").path("grantedAmount").decimalValue())
                .isEqualByComparingTo("12000");
        assertThat(item(published, "FINANCIAL_LINE").path("grant").path("reason").asString())
                .isEqualTo("Accordé, en partie");

        // the public now sees it by région, with its items, progress and financial section
        assertThat(body(mvc.perform(get("/feuilles-de-route/regions/84")).andReturn())).contains(title);
        String page = body(mvc.perform(get("/feuilles-de-route/" + id)).andReturn());
        assertThat(page).contains("Publiée").contains("Observatoire régional des mobilités").contains("40 %")
                .contains("15 000,50 €").contains("12 000,00 €");
        assertThat(body(mvc.perform(get("/feuilles-de-route").param("periode", String.valueOf(start))).andReturn()))
                .contains(title);
    }

    @Test
    void anItemsParentWeightAndMilestonesGoThroughItsFormsWithTheServicesRefusalsPerField() throws Exception {
        MockHttpSession member = SignIn.as(mvc, Role.COMMITTEE_MEMBER);
        int start = RealRoadmaps.freshYear();
        MvcResult created = mvc.perform(post("/mes-feuilles-de-route").session(member).with(csrf())
                .param("title", "Feuille de route " + UUID.randomUUID()).param("startYear", String.valueOf(start))
                .param("endYear", String.valueOf(start + 1))).andReturn();
        String id = created.getResponse().getRedirectedUrl().split("/")[2];
        String token = RealRoadmaps.token(Role.COMMITTEE_MEMBER);

        // a use case with a milestone reached (the first row left empty, dropped), then a line under it, weighted
        String newForm = body(mvc.perform(get("/feuilles-de-route/" + id + "/elements/nouveau").param("type", "USE_CASE")
                .session(member)).andReturn());
        assertThat(newForm).contains("id=\"parentId\"").contains("id=\"weight\"").contains("name=\"milestones[0].date\"")
                .contains("name=\"milestones[1].done\"").doesNotContain("name=\"milestones[2].date\"");
        assertThat(send(post("/feuilles-de-route/" + id + "/elements/nouveau")
                .param("type", "USE_CASE").param("version", String.valueOf(version(id)))
                .param("title", "Observatoire des mobilités").param("useCase.policyDomain", "mobilités")
                .param("useCase.expectedOutcome", "Des trajets mieux connus")
                .param("milestones[1].date", (start) + "-03-15").param("milestones[1].title", "Atelier de lancement")
                .param("milestones[1].done", "true"), member)).contains("id=\"succes\"");
        JsonNode roadmap = RealRoadmaps.api("GET", "/api/roadmaps/" + id, null, 200, token);
        String useCase = item(roadmap, "USE_CASE").path("id").asString();
        assertThat(item(roadmap, "USE_CASE").path("milestones")).singleElement().satisfies(m -> {
            assertThat(m.path("date").asString()).isEqualTo(start + "-03-15");
            assertThat(m.path("title").asString()).isEqualTo("Atelier de lancement");
            assertThat(m.path("done").asBoolean()).isTrue();
        });
        // "Ajouter un sous-élément" opens the form with that parent chosen
        String subForm = body(mvc.perform(get("/feuilles-de-route/" + id + "/elements/nouveau").session(member)
                .param("type", "FINANCIAL_LINE").param("parent", useCase)).andReturn());
        assertThat(subForm).contains("<option value=\"" + useCase + "\" selected=\"selected\">");
        assertThat(send(post("/feuilles-de-route/" + id + "/elements/nouveau")
                .param("type", "FINANCIAL_LINE").param("version", String.valueOf(version(id)))
                .param("title", "Animation du comité").param("financialLine.amount", "5000")
                .param("financialLine.year", String.valueOf(start)).param("financialLine.source", "STATE")
                .param("parentId", useCase).param("weight", "3"), member)).contains("Sous-élément de « Observatoire des mobilités », poids 3")
                .contains("<span class=\"fr-sr-only\">Sous-élément de niveau 2 : </span><span>Animation du comité</span>")
                .contains("Jalons :").contains("15/03/" + start + " : Atelier de lancement (atteint)");
        roadmap = RealRoadmaps.api("GET", "/api/roadmaps/" + id, null, 200, token);
        JsonNode line = item(roadmap, "FINANCIAL_LINE");
        String lineId = line.path("id").asString();
        assertThat(line.path("parentId").asString()).isEqualTo(useCase);
        assertThat(line.path("weight").asInt()).isEqualTo(3);

        // the use case's page: its milestone in its row, its sub-item, and no parent that would make a loop
        String useCasePage = body(mvc.perform(get("/feuilles-de-route/" + id + "/elements/" + useCase).session(member))
                .andReturn());
        assertThat(useCasePage).contains("id=\"sous-elements\"").contains("Animation du comité")
                .contains("calculé à partir des sous-éléments")
                .contains("value=\"Atelier de lancement\"").contains("value=\"" + start + "-03-15\"")
                .contains("id=\"jalon-0-atteint\" name=\"milestones[0].done\" value=\"true\" checked=\"checked\"")
                .doesNotContain("<option value=\"" + lineId + "\"");
        String linePage = body(mvc.perform(get("/feuilles-de-route/" + id + "/elements/" + lineId).session(member))
                .andReturn());
        assertThat(linePage).contains("<option value=\"" + useCase + "\" selected=\"selected\">")
                .containsPattern("id=\"weight\" name=\"weight\"\\s+value=\"3\"").contains("id=\"parent-actuel\"");

        // the service's refusals, each next to its field: a weight out of 1-100 and a milestone without its title...
        String lineForm = "/feuilles-de-route/" + id + "/elements/" + lineId;
        MvcResult badWeight = mvc.perform(post(lineForm).session(member).with(csrf())
                .param("type", "FINANCIAL_LINE").param("version", String.valueOf(version(id)))
                .param("title", "Animation du comité").param("financialLine.amount", "5000")
                .param("financialLine.year", String.valueOf(start)).param("financialLine.source", "STATE")
                .param("parentId", useCase).param("weight", "150")
                .param("milestones[0].date", start + "-06-30")).andReturn();
        assertThat(badWeight.getResponse().getRedirectedUrl()).isEqualTo(lineForm);
        assertThat(follow(badWeight, member)).contains("id=\"weight-erreur\"").containsPattern("name=\"weight\"\\s+value=\"150\"")
                .contains("id=\"jalon-0-titre-erreur\"").contains("href=\"#jalon-0-titre\"")
                .contains("value=\"" + start + "-06-30\"");
        // ... a date that is not one ...
        MvcResult badDate = mvc.perform(post(lineForm).session(member).with(csrf())
                .param("type", "FINANCIAL_LINE").param("version", String.valueOf(version(id)))
                .param("title", "Animation du comité").param("financialLine.amount", "5000")
                .param("financialLine.year", String.valueOf(start)).param("financialLine.source", "STATE")
                .param("milestones[0].date", "30 juin").param("milestones[0].title", "Bilan")).andReturn();
        assertThat(follow(badDate, member)).contains("id=\"jalon-0-date-erreur\"").contains("value=\"Bilan\"");
        // ... and the use case under its own sub-item (a form read before the line was added under it)
        MvcResult loop = mvc.perform(post("/feuilles-de-route/" + id + "/elements/" + useCase).session(member)
                .with(csrf()).param("type", "USE_CASE").param("version", String.valueOf(version(id)))
                .param("title", "Observatoire des mobilités").param("useCase.policyDomain", "mobilités")
                .param("useCase.expectedOutcome", "Des trajets mieux connus").param("parentId", lineId)).andReturn();
        assertThat(follow(loop, member)).contains("id=\"parentId-erreur\"").contains("boucle");
        assertThat(item(RealRoadmaps.api("GET", "/api/roadmaps/" + id, null, 200, token), "USE_CASE")
                .path("parentId").isMissingNode()).isTrue();

        // the line's progress counts in the use case's, which is not typed; editing the line keeps its tracking
        assertThat(send(post(lineForm + "/suivi").param("version", String.valueOf(version(id)))
                .param("status", "IN_PROGRESS").param("progress", "40"), member))
                .contains("id=\"avancement-" + useCase + "-calcule\"")
                .doesNotContain("id=\"avancement-" + useCase + "\"");
        assertThat(send(post(lineForm).param("type", "FINANCIAL_LINE").param("version", String.valueOf(version(id)))
                .param("title", "Animation du comité territorial").param("financialLine.amount", "5000")
                .param("financialLine.year", String.valueOf(start)).param("financialLine.source", "STATE")
                .param("parentId", useCase).param("weight", "2")
                .param("milestones[0].date", start + "-06-30").param("milestones[0].title", "Bilan"), member))
                .contains("id=\"succes\"");
        roadmap = RealRoadmaps.api("GET", "/api/roadmaps/" + id, null, 200, token);
        line = item(roadmap, "FINANCIAL_LINE");
        assertThat(line.path("title").asString()).isEqualTo("Animation du comité territorial");
        assertThat(line.path("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(line.path("ownProgress").asInt()).isEqualTo(40);
        assertThat(line.path("weight").asInt()).isEqualTo(2);
        assertThat(line.path("milestones")).singleElement()
                .satisfies(m -> assertThat(m.path("done").asBoolean()).isFalse());
        assertThat(item(roadmap, "USE_CASE").path("progress").asInt()).isEqualTo(40);
        // the use case's milestones stay, not sent again by the line's form
        assertThat(item(roadmap, "USE_CASE").path("milestones").size()).isEqualTo(1);

        // a milestone reached or not is tracking, open after submission too: its box in the item's tracking form
        assertThat(send(post("/feuilles-de-route/" + id + "/soumission").param("version", String.valueOf(version(id))),
                member)).contains("id=\"succes\"").containsPattern("id=\"jalon-" + useCase
                + "-0\" name=\"milestones\\[0\\]\\.done\"\\s+value=\"true\" checked=\"checked\"");
        assertThat(send(post("/feuilles-de-route/" + id + "/elements/" + useCase + "/suivi")
                .param("version", String.valueOf(version(id))).param("status", "PLANNED")
                .param("milestones[0].date", start + "-03-15").param("milestones[0].title", "Atelier de lancement"),
                member)).contains("id=\"succes\"");
        JsonNode followed = RealRoadmaps.api("GET", "/api/roadmaps/" + id, null, 200, token);
        assertThat(followed.path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(item(followed, "USE_CASE").path("milestones")).singleElement().satisfies(m -> {
            assertThat(m.path("title").asString()).isEqualTo("Atelier de lancement");
            assertThat(m.path("done").asBoolean()).isFalse();
        });
        assertThat(item(followed, "USE_CASE").path("progress").asInt()).isEqualTo(40);
    }

    @Test
    void theRegionsTableListsWhatTheServiceConsolidates() throws Exception {
        int year = RealRoadmaps.freshYear();
        JsonNode consolidation = RealRoadmaps.api("GET", "/api/roadmaps/consolidation?period=" + year, null, 200, null);
        String page = body(mvc.perform(get("/feuilles-de-route").param("periode", String.valueOf(year))).andReturn());
        assertThat(consolidation.path("regions").size()).isEqualTo(18);
        for (JsonNode region : consolidation.path("regions")) {
            assertThat(page).contains("/feuilles-de-route/regions/" + region.path("regionCode").asString())
                    .contains(SearchPagesTest.escape(region.path("regionName").asString()));
        }
        // a période the service refuses: its words, as a 400 page
        MvcResult bad = mvc.perform(get("/feuilles-de-route").param("periode", "l'an prochain")).andReturn();
        assertThat(bad.getResponse().getStatus()).isEqualTo(400);
        assertThat(bad.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("AAAA-AAAA");
    }

    @Test
    void aMinistryOfficerFilesTheSectionAndTheCoordinatorConsolidatesIt() throws Exception {
        MockHttpSession officer = SignIn.as(mvc, Role.MINISTRY_OFFICER);
        int year = RealRoadmaps.freshYear();
        String title = "Section territoriale " + UUID.randomUUID();
        MvcResult created = mvc.perform(post("/mes-feuilles-de-route").session(officer).with(csrf())
                .param("title", title).param("year", String.valueOf(year))).andReturn();
        String id = created.getResponse().getRedirectedUrl().split("/")[2];
        assertThat(follow(created, officer)).contains("Ajouter une action").doesNotContain("Ajouter une ligne financière");
        assertThat(send(post("/feuilles-de-route/" + id + "/elements/nouveau")
                .param("type", "ACTION").param("version", String.valueOf(version(id)))
                .param("title", "Référents données en DDT").param("action.territory", "region:84, region:93")
                .param("action.deconcentratedServices", "DDT, DREAL").param("action.requestedFte", "2,5")
                .param("action.requestedAmount", "80000"), officer)).contains("id=\"succes\"");
        assertThat(send(post("/feuilles-de-route/" + id + "/soumission")
                .param("version", String.valueOf(version(id))), officer)).contains("id=\"succes\"");
        JsonNode section = RealRoadmaps.api("GET", "/api/roadmaps/" + id, null, 200, RealRoadmaps.token(Role.MINISTRY_OFFICER));
        assertThat(section.path("ministry").asString()).isEqualTo(DevUsers.DEMO_MINISTRY);
        assertThat(section.path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(item(section, "ACTION").path("content").path("action").path("requestedFte").decimalValue())
                .isEqualByComparingTo("2.5");

        // a ministry officer may not review it: the service's 403, as a page
        MvcResult notTheirs = mvc.perform(post("/coordination/feuilles-de-route/" + id + "/examen").session(officer)
                .with(csrf()).param("version", String.valueOf(version(id)))).andReturn();
        assertThat(follow(notTheirs, officer)).contains("La demande n'a pas été enregistrée");
        assertThat(RealRoadmaps.api("GET", "/api/roadmaps/" + id, null, 200, RealRoadmaps.token(Role.MINISTRY_OFFICER))
                .path("status").asString()).isEqualTo("SUBMITTED");

        MockHttpSession coordinator = SignIn.as(mvc, Role.NATIONAL_COORDINATOR);
        String consolidation = body(mvc.perform(get("/coordination/consolidation").session(coordinator)
                .param("periode", String.valueOf(year))).andReturn());
        assertThat(consolidation).contains("id=\"ministeres\"").contains(DevUsers.DEMO_MINISTRY)
                .contains("80 000,00 €").contains("2,50");
    }

    @Test
    void theCoordinatorPublishesANationalPriorityThatThePublicThenReads() throws Exception {
        MockHttpSession coordinator = SignIn.as(mvc, Role.NATIONAL_COORDINATOR);
        MvcResult empty = mvc.perform(post("/coordination/priorites").session(coordinator).with(csrf())
                .param("subject", "THEME").param("theme", "Mobilités")).andReturn();
        assertThat(follow(empty, coordinator)).contains("id=\"title-erreur\"").contains("value=\"Mobilités\"");
        String title = "Bases adresses locales " + UUID.randomUUID();
        MvcResult declared = mvc.perform(post("/coordination/priorites").session(coordinator).with(csrf())
                .param("subject", "THEME").param("title", title).param("theme", "Adresses")
                .param("targetAccessLevel", "OPEN")).andReturn();
        assertThat(follow(declared, coordinator)).contains("est publiée").contains(title);
        assertThat(RealRoadmaps.api("GET", "/api/priorities?level=NATIONAL", null, 200, null).valueStream()
                .map(p -> p.path("title").asString())).contains(title);
        assertThat(body(mvc.perform(get("/feuilles-de-route")).andReturn())).contains(title);

        // a committee member is not the national instance
        MockHttpSession member = SignIn.as(mvc, Role.COMMITTEE_MEMBER);
        MvcResult refused = mvc.perform(post("/coordination/priorites").session(member).with(csrf())
                .param("subject", "THEME").param("title", "Pas la mienne")).andReturn();
        assertThat(follow(refused, member)).contains("La demande n'a pas été enregistrée");
    }

    @Test
    void theRoadmapFormsNeedSignInAndTheirCsrfToken() throws Exception {
        MvcResult anonymous = mvc.perform(get("/mes-feuilles-de-route")).andReturn();
        assertThat(anonymous.getResponse().getRedirectedUrl()).endsWith("/connexion");
        MockHttpSession member = SignIn.as(mvc, Role.COMMITTEE_MEMBER);
        MvcResult forged = mvc.perform(post("/mes-feuilles-de-route").session(member).param("title", "x")
                .param("startYear", "2090").param("endYear", "2091")).andReturn();
        assertThat(forged.getResponse().getStatus()).isEqualTo(403);
    }

    private long version(String id) {
        return RealRoadmaps.api("GET", "/api/roadmaps/" + id, null, 200, RealRoadmaps.token(Role.NATIONAL_COORDINATOR))
                .path("version").asLong();
    }

    private static JsonNode item(JsonNode roadmap, String kind) {
        return roadmap.path("items").valueStream().filter(i -> i.path("kind").asString().equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in " + roadmap));
    }

    /** A form posted by {@code session} with its CSRF token; the page it then shows. */
    private String send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder form,
                        MockHttpSession session) throws Exception {
        return follow(mvc.perform(form.session(session).with(csrf())).andReturn(), session);
    }

    /**
     * The page a POST redirects to, as the browser then shows it: the same session, whose flash attributes (success,
     * refusal, what was typed) that request takes and no other.
     */
    private String follow(MvcResult posted, MockHttpSession session) throws Exception {
        assertThat(posted.getResponse().getStatus()).as(posted.getResponse().getContentAsString()).isEqualTo(302);
        return body(mvc.perform(get(posted.getResponse().getRedirectedUrl()).session(session)).andReturn());
    }

    private static String body(MvcResult result) throws Exception {
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
        return SearchPagesTest.normalise(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

}
