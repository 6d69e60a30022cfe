package fr.dataterritoires.commonscalls.web;

import static fr.dataterritoires.commonscalls.support.Api.COORDINATOR;
import static fr.dataterritoires.commonscalls.support.Api.FUNDER;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import fr.dataterritoires.commonscalls.support.Api;
import fr.dataterritoires.commonscalls.support.ServiceTest;
import fr.dataterritoires.contracts.events.CloudEvents;
import fr.dataterritoires.platform.testsupport.EventSchemas;
import fr.dataterritoires.territory.Siren;

import tools.jackson.databind.JsonNode;

/**
 * The préciput over REST: an innovation award levies the fund at its programme's rate, the national instance
 * allocates and reverses, the public reads the fund, its journal and its reports.
 */
@ServiceTest
class PreciputApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void anInnovationAwardLeviesThePreciputAtItsProgrammesRateRoundedHalfEven() {
        String funderId = api.demoFunder();
        String programme = api.programme(FUNDER, funderId, "0.05");
        String callId = api.openCall(Api.callBody(funderId, "INNOVATION", programme, "300000.00", "120000.00", "0.00"));
        String applicationId = api.submitted(Api.applicationBody(callId, "12345.50"));
        api.closeAndEvaluate(callId);
        api.eligible(applicationId);
        BigDecimal before = api.fundBalance();

        String awardId = api.post("/api/applications/" + applicationId + "/award", FUNDER,
                Map.of("amount", "12345.50", "reason", "Projet retenu.")).status(201).json().path("id").asString();

        // 12 345.50 × 5 % = 617.275 → 617.28 (HALF_EVEN)
        assertThat(api.fundBalance()).isEqualByComparingTo(before.add(new BigDecimal("617.28")));
        JsonNode levied = payload("fr.dataterritoires.commons-calls.PreciputLevied.v1",
                "SELECT payload::text FROM outbox_event WHERE type = :type AND payload->>'projectReference' = :ref",
                "award:" + awardId);
        EventSchemas.assertConformsTo("commonscalls/PreciputLevied.v1", levied);
        assertThat(levied.path("amount").asString()).isEqualTo("617.28");
        assertThat(levied.path("rate").asString()).isEqualTo("0.05");
        assertThat(levied.path("source").asString()).isEqualTo("AWARD");
        assertThat(levied.path("funderSiren").asString()).isEqualTo("130005481");
        JsonNode transaction = api.get("/api/preciput/transactions/" + levied.path("levyId").asString(), null).ok().json();
        assertThat(transaction.path("entries").toString()).contains("PROGRAMME:" + programme, "DEBIT", "FUND", "CREDIT");
    }

    @Test
    void theNationalInstanceAllocatesAndReversesWithinTheFund() {
        api.levyThroughAward("2000.00");
        BigDecimal balance = api.fundBalance();
        String beneficiary = Siren.withCheckDigit(String.format("4%07d", Api.unique())).value();
        Map<String, Object> allocation = Map.of("purpose", "MUTUALISATION_STRUCTURE", "beneficiarySiren", beneficiary,
                "beneficiaryName", "Syndicat mixte de mutualisation", "amount", "1200.00",
                "reason", "Soutien au fonctionnement 2026");
        // funders and applicants do not allocate the fund
        api.post("/api/preciput/allocations", FUNDER, allocation).problem(403);
        JsonNode allocated = api.post("/api/preciput/allocations", COORDINATOR, allocation).status(201).json();
        assertThat(api.fundBalance()).isEqualByComparingTo(balance.subtract(new BigDecimal("1200.00")));
        JsonNode event = payload("fr.dataterritoires.commons-calls.PreciputAllocated.v1",
                "SELECT payload::text FROM outbox_event WHERE type = :type AND aggregate_id = :ref",
                allocated.path("id").asString());
        EventSchemas.assertConformsTo("commonscalls/PreciputAllocated.v1", event);
        assertThat(event.path("amount").asString()).isEqualTo("1200.00");

        // beyond the balance: refused, nothing written
        BigDecimal now = api.fundBalance();
        JsonNode refused = api.post("/api/preciput/allocations", COORDINATOR, Map.of("purpose", "COMMONS_AWARD",
                "beneficiarySiren", beneficiary, "amount", now.add(new BigDecimal("0.01")).toPlainString(),
                "reason", "Trop")).problem(422, "solde");
        assertThat(refused.path("rule").asString()).isEqualTo("solde-insuffisant");
        assertThat(api.fundBalance()).isEqualByComparingTo(now);
        // replication support names the initiative
        api.post("/api/preciput/allocations", COORDINATOR, Map.of("purpose", "REPLICATION_SUPPORT",
                "beneficiarySiren", beneficiary, "amount", "1.00", "reason", "x")).problem(400, "initiativeId");

        // a correction is a reversing transaction; the original stays, and is reversed once only
        String id = allocated.path("id").asString();
        JsonNode reversal = api.post("/api/preciput/transactions/" + id + "/reversal", COORDINATOR,
                Map.of("reason", "Erreur de bénéficiaire")).status(201).json();
        assertThat(reversal.path("reverses").asString()).isEqualTo(id);
        assertThat(api.fundBalance()).isEqualByComparingTo(now.add(new BigDecimal("1200.00")));
        JsonNode original = api.get("/api/preciput/transactions/" + id, null).ok().json();
        assertThat(original.path("amount").asString()).isEqualTo("1200.00");
        assertThat(original.path("reversed").asBoolean()).isTrue();
        api.post("/api/preciput/transactions/" + id + "/reversal", COORDINATOR, Map.of("reason", "encore")).problem(409);
        api.post("/api/preciput/transactions/" + reversal.path("id").asString() + "/reversal", COORDINATOR,
                Map.of("reason", "contre-contre")).problem(422);

        // the beneficiary's account is back to zero; the reports net the reversal
        JsonNode accounts = api.get("/api/preciput/accounts", null).ok().json();
        assertThat(accounts.toString()).contains("BENEFICIARY:" + beneficiary);
        for (JsonNode a : accounts) {
            if (a.path("code").asString().equals("BENEFICIARY:" + beneficiary)) {
                assertThat(a.path("balance").asString()).isEqualTo("0.00");
            }
        }
        JsonNode byBeneficiary = api.get("/api/preciput/reports?by=beneficiary", null).ok().json();
        assertThat(byBeneficiary.toString()).contains(beneficiary);
        for (JsonNode line : byBeneficiary) {
            if (line.path("key").asString().equals(beneficiary)) {
                assertThat(line.path("outflows").asString()).isEqualTo("0.00");
            }
        }
    }

    @Test
    void thePublicReadsTheFundTheJournalAndTheReports() {
        api.levyThroughAward("300.00");
        JsonNode fund = api.get("/api/preciput/fund", null).ok().json();
        BigDecimal levied = new BigDecimal(fund.path("totalLevied").asString());
        BigDecimal allocated = new BigDecimal(fund.path("totalAllocated").asString());
        assertThat(new BigDecimal(fund.path("balance").asString())).isLessThanOrEqualTo(levied);
        assertThat(allocated.signum()).isGreaterThanOrEqualTo(0);
        assertThat(fund.path("byYear").toString()).contains(String.valueOf(Year.now().getValue()));
        assertThat(fund.path("latest").size()).isPositive();

        JsonNode byYear = api.get("/api/preciput/reports?by=year", null).ok().json();
        BigDecimal net = BigDecimal.ZERO;
        for (JsonNode line : byYear) {
            net = net.add(new BigDecimal(line.path("net").asString()));
        }
        // the fund's balance is the levies minus the allocations, net of reversals, over all years
        assertThat(net).isEqualByComparingTo(api.fundBalance());
        JsonNode byFunder = api.get("/api/preciput/reports?by=funder", null).ok().json();
        assertThat(byFunder.toString()).contains("130005481");
        api.get("/api/preciput/reports?by=planete", null).problem(400, "by");
        api.get("/api/preciput/journal?size=1000", null).problem(400, "size");
        assertThat(api.get("/api/preciput/journal?size=5", null).ok().json().size()).isBetween(1, 5);
    }

    @Test
    void theDatabaseKeepsTheJournalAppendOnlyAndBalanced() {
        api.levyThroughAward("10.00");
        UUID any = jdbc.sql("SELECT id FROM ledger_transaction ORDER BY seq LIMIT 1").query(UUID.class).single();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("UPDATE ledger_entry SET amount = amount + 1")
                .update()).hasMessageContaining("append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("DELETE FROM ledger_transaction WHERE id = :id")
                .param("id", any).update()).hasMessageContaining("append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("UPDATE ledger_transaction SET amount = 1 "
                + "WHERE id = :id").param("id", any).update()).hasMessageContaining("append-only");
        // no balance below zero, whatever writes it
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("UPDATE ledger_account SET balance = -0.01 "
                + "WHERE code = 'FUND'").update()).hasMessageContaining("check");
        // every stored transaction balances, and every account's balance is the sum of its entries
        assertThat(jdbc.sql("SELECT count(*) FROM (SELECT transaction_id FROM ledger_entry GROUP BY transaction_id "
                + "HAVING sum(amount) FILTER (WHERE side = 'DEBIT') <> sum(amount) FILTER (WHERE side = 'CREDIT')) x")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_account a WHERE a.balance <> coalesce((SELECT sum(CASE WHEN "
                + "e.side = a.normal_side THEN e.amount ELSE -e.amount END) FROM ledger_entry e WHERE e.account = a.code), 0)")
                .query(Long.class).single()).isZero();
    }

    private JsonNode payload(String type, String sql, String ref) {
        List<String> payloads = jdbc.sql(sql).param("type", type).param("ref", ref).query(String.class).list();
        assertThat(payloads).as(type + " " + ref).hasSize(1);
        return CloudEvents.mapper().readTree(payloads.getFirst());
    }
}
