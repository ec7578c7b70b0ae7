package dev.sleet.kit.upgrade;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sleet.kit.SleetException;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.SnapshotJson;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The upgrade registry: steps chain from any old version to the current one. */
class SnapshotUpgradesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A hand-written drizzle-kit ("version 0") snapshot with the cases the conversion handles. */
    static final String DRIZZLE = """
            {
              "id": "5a1e0f7e-0000-4000-8000-000000000001",
              "prevId": "00000000-0000-0000-0000-000000000000",
              "version": "7",
              "dialect": "postgresql",
              "tables": {
                "billing.invoices": {
                  "name": "invoices", "schema": "billing",
                  "columns": {
                    "id": { "name": "id", "type": "bigserial", "primaryKey": true, "notNull": true },
                    "amount": { "name": "amount", "type": "numeric(10, 2)", "primaryKey": false, "notNull": true, "default": "'0'" },
                    "note": { "name": "note", "type": "varchar(20)", "primaryKey": false, "notNull": false, "default": "'it''s'" },
                    "paid": { "name": "paid", "type": "boolean", "primaryKey": false, "notNull": false, "default": false },
                    "tries": { "name": "tries", "type": "integer", "primaryKey": false, "notNull": false, "default": -1 },
                    "at": { "name": "at", "type": "timestamp (3) with time zone", "primaryKey": false, "notNull": false, "default": "now()" },
                    "code": { "name": "code", "type": "text", "primaryKey": false, "notNull": false, "isUnique": true, "uniqueName": "invoices_code_unique" }
                  },
                  "indexes": {
                    "by_amount": { "name": "by_amount", "columns": [ { "expression": "amount", "isExpression": false, "asc": true, "nulls": "last" } ],
                                   "isUnique": false, "concurrently": false, "method": "btree", "with": {} },
                    "by_lower": { "name": "by_lower", "columns": [ { "expression": "lower(note)", "isExpression": true, "asc": true, "nulls": "last" } ],
                                  "isUnique": false, "concurrently": false, "method": "btree", "with": {} }
                  },
                  "foreignKeys": {},
                  "compositePrimaryKeys": {},
                  "uniqueConstraints": {},
                  "policies": {},
                  "checkConstraints": { "positive": { "name": "positive", "value": "amount >= 0" } },
                  "isRLSEnabled": false
                },
                "public.lines": {
                  "name": "lines", "schema": "",
                  "columns": {
                    "invoice_id": { "name": "invoice_id", "type": "bigint", "primaryKey": false, "notNull": true },
                    "n": { "name": "n", "type": "smallint", "primaryKey": false, "notNull": true }
                  },
                  "indexes": {},
                  "foreignKeys": {
                    "lines_invoice_fk": { "name": "lines_invoice_fk", "tableFrom": "lines", "tableTo": "invoices", "schemaTo": "billing",
                                          "columnsFrom": ["invoice_id"], "columnsTo": ["id"], "onDelete": "cascade", "onUpdate": "no action" }
                  },
                  "compositePrimaryKeys": { "lines_pk": { "name": "lines_pk", "columns": ["invoice_id", "n"] } },
                  "uniqueConstraints": {},
                  "policies": {},
                  "checkConstraints": {},
                  "isRLSEnabled": false
                }
              },
              "enums": { "public.mood": { "name": "mood", "schema": "public", "values": ["sad", "ok"] } },
              "schemas": { "billing": "billing" },
              "sequences": {}, "roles": {}, "policies": {}, "views": {},
              "_meta": { "columns": {}, "schemas": {}, "tables": {} }
            }
            """;

    @Test
    void aDrizzleKitSnapshotBecomesVersionOneInSleetsNormalForm() throws Exception {
        List<String> warnings = new ArrayList<>();
        List<String> steps = new ArrayList<>();
        ObjectNode upgraded = SnapshotUpgrades.upgrade((ObjectNode) MAPPER.readTree(DRIZZLE), warnings, steps);
        Snapshot snapshot = SnapshotJson.fromJson(upgraded.toString(), "test");

        assertThat(steps).containsExactly("drizzle-kit snapshot -> Sleet format 1");
        assertThat(snapshot.version()).isEqualTo(1);
        assertThat(snapshot.id()).isEqualTo("5a1e0f7e-0000-4000-8000-000000000001");
        assertThat(snapshot.schemas()).containsExactly("billing");
        var invoices = snapshot.tables().get("billing.invoices");
        assertThat(invoices.columns().values()).extracting(c -> c.name() + " " + c.type() + " " + c.serial() + " " + c.notNull() + " " + c.defaultValue())
                .containsExactly(
                        "id bigint true true null",
                        "amount numeric(10,2) false true '0'::numeric",
                        "note varchar(20) false false 'it''s'::character varying",
                        "paid boolean false false false",
                        "tries integer false false '-1'::integer",
                        "at timestamptz(3) false false now()",
                        "code text false false null");
        assertThat(invoices.primaryKey().name()).isEqualTo("invoices_pkey");
        assertThat(invoices.uniqueConstraints()).containsOnlyKeys("invoices_code_unique");
        assertThat(invoices.indexes()).containsOnlyKeys("by_amount");
        var lines = snapshot.tables().get("public.lines");
        assertThat(lines.primaryKey().name()).isEqualTo("lines_pk");
        assertThat(lines.primaryKey().columns()).containsExactly("invoice_id", "n");
        assertThat(lines.foreignKeys().get("lines_invoice_fk").referencedKey()).isEqualTo("billing.invoices");
        assertThat(warnings).containsExactlyInAnyOrder(
                "index billing.by_lower uses expressions, sort order, operator classes or a WHERE clause, which Sleet cannot represent yet; left out",
                "check constraints of billing.invoices are not carried over yet (Sleet cannot represent them)",
                "enums are not carried over yet (Sleet cannot represent them): public.mood");
    }

    @Test
    void stepsChainFromAnyVersionAndACurrentSnapshotIsUntouched() throws Exception {
        SnapshotUpgrade oneToTwo = new SnapshotUpgrade() {
            public int from() { return 1; }
            public String describe() { return "1 -> 2"; }
            public ObjectNode apply(ObjectNode snapshot, List<String> warnings) {
                snapshot.put("version", 2);
                snapshot.put("upgradedTwice", true);
                return snapshot;
            }
        };
        List<SnapshotUpgrade> steps = new ArrayList<>(SnapshotUpgrades.STEPS);
        steps.add(oneToTwo);
        List<String> applied = new ArrayList<>();
        ObjectNode upgraded = SnapshotUpgrades.upgrade((ObjectNode) MAPPER.readTree(DRIZZLE), new ArrayList<>(), applied, steps, 2);
        assertThat(applied).containsExactly("drizzle-kit snapshot -> Sleet format 1", "1 -> 2");
        assertThat(upgraded.get("version").asInt()).isEqualTo(2);
        assertThat(upgraded.get("upgradedTwice").asBoolean()).isTrue();

        ObjectNode current = (ObjectNode) MAPPER.readTree("{\"version\": 1, \"dialect\": \"postgresql\"}");
        List<String> none = new ArrayList<>();
        assertThat(SnapshotUpgrades.upgrade(current, new ArrayList<>(), none)).isSameAs(current);
        assertThat(none).isEmpty();

        assertThatThrownBy(() -> SnapshotUpgrades.upgrade((ObjectNode) MAPPER.readTree("{\"version\": 9}"), new ArrayList<>(), new ArrayList<>()))
                .isInstanceOf(SleetException.class).hasMessageContaining("newer than this Sleet understands");
        assertThatThrownBy(() -> SnapshotUpgrades.upgrade((ObjectNode) MAPPER.readTree("{\"version\": 1}"), new ArrayList<>(),
                new ArrayList<>(), List.of(), 3)).hasMessageContaining("no upgrade for snapshot format version 1");
    }
}
