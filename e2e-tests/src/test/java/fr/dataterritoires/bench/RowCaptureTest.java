package fr.dataterritoires.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.node.ObjectNode;

/** How the rows a step wrote become the transactions and operations the plain-JDBC baseline replays. */
class RowCaptureTest {

    private static final String APPLICATION = "0b5c1a52-0000-4000-8000-000000000001";
    private static final String CALL = "0b5c1a52-0000-4000-8000-0000000000ca";
    private static final String OTHER = "0b5c1a52-0000-4000-8000-000000000002";

    @Test
    void aRowWrittenByTwoTransactionsIsInsertedByTheFirstAndUpdatedByTheNextOfOneOperation() {
        // tx 10 drafts application A (its member row names it), tx 11 submits it (A's row last written there) and
        // moves the call's counter (a row that existed before the step); tx 12 is another operation altogether
        RowCapture.Row member = row("consortium_member", 10, "{\"id\":\"m-0001\",\"application_id\":\"" + APPLICATION + "\"}");
        RowCapture.Row auditDraft = row("audit_record", 10, "{\"seq\":7,\"action\":\"application.drafted\",\"target_id\":\""
                + APPLICATION + "\"}");
        RowCapture.Row application = row("application", 11, "{\"id\":\"" + APPLICATION + "\",\"call_id\":\"" + CALL
                + "\",\"status\":\"SUBMITTED\"}");
        RowCapture.Row call = row("call", 11, "{\"id\":\"" + CALL + "\",\"submitted\":41}");
        RowCapture.Row other = row("application", 12, "{\"id\":\"" + OTHER + "\",\"call_id\":\"" + CALL + "\"}");
        RowCapture.Row event = row("outbox_event", 99, "{\"position\":5,\"aggregate_id\":\"" + APPLICATION + "\"}");

        RowCapture.Captured captured = RowCapture.group(List.of(member, auditDraft, application, call, other),
                List.of(event), Set.of("call[\"" + CALL + "\"]")::contains, REFERENCES);

        assertThat(captured.operations()).hasSize(2);
        RowCapture.Operation submitted = captured.operations().get(0);
        assertThat(submitted.transactions()).extracting(RowCapture.Transaction::xmin).containsExactly(10L, 11L);
        RowCapture.Transaction draft = submitted.transactions().get(0);
        assertThat(draft.inserts()).containsExactlyInAnyOrder(member, application, event);
        assertThat(draft.audits()).containsExactly(auditDraft);
        RowCapture.Transaction submit = submitted.transactions().get(1);
        assertThat(submit.inserts()).isEmpty();
        assertThat(submit.updates()).containsExactlyInAnyOrder(application, call);
        RowCapture.Transaction another = captured.operations().get(1).transactions().get(0);
        assertThat(another.inserts()).containsExactly(other);
        // the call existed: updated by every transaction naming it, never inserted, and it links no operations
        assertThat(another.updates()).containsExactly(call);
        assertThat(captured.insertedPerTable()).containsEntry("application", 2).containsEntry("outbox_event", 1)
                .containsEntry("audit_record", 1).doesNotContainKey("call");
        assertThat(captured.updatedPerTable()).containsEntry("call", 2).containsEntry("application", 1);
        assertThat(captured.outboxUnattached()).isZero();
        assertThat(captured.transactions()).isEqualTo(3);
    }

    @Test
    void anAuditSequenceEqualToAnotherTablesGeneratedKeyLinksNothing() {
        // tx 20 levies on project P (its ledger entry got the generated id 1523); tx 21 levies on project Q and its
        // audit record happens to be number 1523: two operations, each entry inserted by its own transaction
        RowCapture.Row entry = row("ledger_entry", 21, "{\"id\":1523,\"transaction_id\":\"" + OTHER + "\"}");
        RowCapture.Row ledger = row("ledger_transaction", 21, "{\"id\":\"" + OTHER + "\"}");
        RowCapture.Row audit = row("audit_record", 20, "{\"seq\":1523,\"action\":\"preciput.levied\"}");
        RowCapture.Row project = row("innovation_project", 20, "{\"id\":\"" + APPLICATION + "\"}");

        RowCapture.Captured captured = RowCapture.group(List.of(entry, ledger, audit, project), List.of(), key -> false,
                REFERENCES);

        assertThat(captured.operations()).hasSize(2);
        assertThat(captured.operations()).allSatisfy(op -> assertThat(op.transactions()).hasSize(1));
        RowCapture.Transaction levy = captured.operations().stream().map(op -> op.transactions().get(0))
                .filter(tx -> tx.xmin() == 21).findFirst().orElseThrow();
        assertThat(levy.inserts()).containsExactlyInAnyOrder(entry, ledger);
        assertThat(levy.updates()).isEmpty();
    }

    @Test
    void onlyForeignKeysLinkRowsNotEqualNumbersElsewhere() {
        // two préciput levies: each ledger transaction has a year (2026) and a generated number (seq) that equal the
        // generated ids of ledger entries of the other levy; only ledger_entry.transaction_id is a foreign key
        String first = "0b5c1a52-0000-4000-8000-0000000000f1";
        String second = "0b5c1a52-0000-4000-8000-0000000000f2";
        RowCapture.Row levy1 = row("ledger_transaction", 30, "{\"id\":\"" + first + "\",\"seq\":2027,\"year\":2026}");
        RowCapture.Row entry1 = row("ledger_entry", 30, "{\"id\":2026,\"transaction_id\":\"" + first + "\"}");
        RowCapture.Row levy2 = row("ledger_transaction", 31, "{\"id\":\"" + second + "\",\"seq\":2026,\"year\":2026}");
        RowCapture.Row entry2 = row("ledger_entry", 31, "{\"id\":2027,\"transaction_id\":\"" + second + "\"}");

        RowCapture.Captured captured = RowCapture.group(List.of(levy1, entry1, levy2, entry2), List.of(), key -> false,
                REFERENCES);

        assertThat(captured.operations()).hasSize(2);
        assertThat(captured.operations()).allSatisfy(op -> {
            assertThat(op.transactions()).hasSize(1);
            assertThat(op.transactions().get(0).updates()).isEmpty();
            assertThat(op.transactions().get(0).inserts()).hasSize(2);
        });
        assertThat(captured.updatedPerTable()).isEmpty();
    }

    @Test
    void anOutboxRowOfNoCapturedAggregateIsATransactionOfItsOwn() {
        RowCapture.Row event = row("outbox_event", 99, "{\"position\":8,\"aggregate_id\":\"nowhere-to-be-found\"}");

        RowCapture.Captured captured = RowCapture.group(List.of(), List.of(event), key -> false, REFERENCES);

        assertThat(captured.outboxUnattached()).isEqualTo(1);
        assertThat(captured.operations()).hasSize(1);
        assertThat(captured.operations().get(0).transactions().get(0).inserts()).containsExactly(event);
    }

    @Test
    void parentsAreInsertedBeforeTheRowsThatNameThem() {
        RowCapture.Row child = row("roadmap_item", 3, "{\"id\":\"item-0001\",\"roadmap_id\":\"roadmap-0001\"}");
        RowCapture.Row parent = row("roadmap", 3, "{\"id\":\"roadmap-0001\"}");

        assertThat(RowCapture.orderForInsert(List.of(child, parent))).containsExactly(parent, child);
    }

    /** The foreign keys of the tables above, as {@code RowCapture.tables} reads them from the catalogue. */
    private static final RowCapture.References REFERENCES = (table, column) -> Map.of(
            "consortium_member.application_id", "application", "application.call_id", "call",
            "ledger_entry.transaction_id", "ledger_transaction").get(table + "." + column);

    private static RowCapture.Row row(String table, long xmin, String json) {
        ObjectNode values = (ObjectNode) EsHttp.JSON.readTree(json);
        String keyColumn = table.equals("outbox_event") ? "position" : table.equals("audit_record") ? "seq" : "id";
        String keyValue = RowCapture.text(values.get(keyColumn));
        return new RowCapture.Row(table, xmin, values, "[\"" + keyValue + "\"]", keyValue);
    }
}
