package dev.sleet.kit.postgres;

import dev.sleet.kit.diff.Change;
import dev.sleet.kit.diff.Differ;
import dev.sleet.kit.dialect.Introspection;
import dev.sleet.kit.snapshot.CheckSnapshot;
import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.TableSnapshot;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.sleet.kit.postgres.Live.OPTIONS;
import static dev.sleet.kit.postgres.Live.PG;
import static dev.sleet.kit.postgres.Live.apply;
import static dev.sleet.kit.postgres.Live.introspect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Expressions compared in the form PostgreSQL settles on: what Sleet writes, applied and read back,
 * compares equal to what it was written from, though PostgreSQL prints it differently.
 */
@ExtendWith(PostgresExtension.class)
class ExpressionFormTest {

    /** Every kind of expression, each in a shape PostgreSQL prints differently once its own output is applied. */
    private static final String SOURCE = """
            CREATE TABLE items (
                id int,
                kind varchar(10) CHECK (kind IN ('a', 'b')),
                tag varchar(10) DEFAULT 'x',
                size varchar(10),
                is_ab boolean GENERATED ALWAYS AS (kind IN ('a', 'b')) STORED);
            CREATE INDEX items_kind ON items ((kind IN ('a', 'b'))) WHERE size IN ('s', 'm');
            ALTER TABLE items ENABLE ROW LEVEL SECURITY;
            CREATE POLICY only_ab ON items USING (kind IN ('a', 'b')) WITH CHECK (size IN ('s', 'm'));
            CREATE VIEW ab AS SELECT id, kind FROM items WHERE kind IN ('a', 'b');
            CREATE MATERIALIZED VIEW ab_sizes AS SELECT size FROM items WHERE size IN ('s', 'm') WITH NO DATA;
            """;

    @Test
    void aVarcharInListAppliedFromItsPrintedFormIsNoDrift(TestDatabase source, TestDatabase target) throws SQLException {
        source.execute(SOURCE);
        Snapshot pulled = introspect(source);
        assertThat(pulled.tables().get("public.items").checkConstraints().get("items_kind_check").expression())
                .isEqualTo("((kind)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[]))");

        apply(target, Differ.diff(Snapshot.empty(PG.name()), pulled));

        // As text, the database built from the pulled snapshot differs from it: the bug this form is for.
        Snapshot asText = introspect(target);
        assertThat(asText.tables().get("public.items").checkConstraints().get("items_kind_check").expression())
                .isEqualTo("((kind)::text = ANY (ARRAY[('a'::character varying)::text, ('b'::character varying)::text]))");
        assertThat(Differ.diff(pulled, asText)).isNotEmpty();

        Introspection read = compared(target, pulled);
        assertThat(read.warnings()).isEmpty();
        assertThat(Differ.diff(pulled, read.snapshot())).isEmpty();
        assertThat(read.snapshot().sameSchemaAs(pulled)).isTrue();
        // And the other way round: the source read against what the target holds.
        assertThat(Differ.diff(asText, compared(source, asText).snapshot())).isEmpty();
    }

    @Test
    void aRealDifferenceStaysOne(TestDatabase db) throws SQLException {
        db.execute(SOURCE);
        Snapshot live = introspect(db);
        TableSnapshot items = live.tables().get("public.items");
        TreeMap<String, CheckSnapshot> checks = new TreeMap<>(items.checkConstraints());
        checks.put("items_kind_check", new CheckSnapshot("items_kind_check", "kind IN ('a', 'c')"));
        Map<String, ColumnSnapshot> columns = new LinkedHashMap<>(items.columns());
        columns.put("tag", columns.get("tag").withDefault("'y'"));
        Snapshot expected = live.withTables(new TreeMap<>(Map.of(items.key(), new TableSnapshot(items.schema(), items.name(),
                columns, items.primaryKey(), items.uniqueConstraints(), items.foreignKeys(), items.indexes(), checks,
                items.comment(), items.policies(), items.rowLevelSecurity(), items.forceRowLevelSecurity()))));

        List<Change> changes = Differ.diff(expected, compared(db, expected).snapshot());

        assertThat(changes).hasSize(3).anySatisfy(c -> assertThat(c).isInstanceOf(Change.AlterColumn.class))
                .anySatisfy(c -> assertThat(c).isInstanceOf(Change.DropCheck.class))
                .anySatisfy(c -> assertThat(c).isInstanceOf(Change.AddCheck.class));
    }

    @Test
    void handWrittenSpellingsCompareWithWhatTheDatabasePrints(TestDatabase db) throws SQLException {
        db.execute("CREATE TABLE t (price numeric, kind varchar(5) DEFAULT 'a', CONSTRAINT positive CHECK (price > 0))");
        Snapshot live = introspect(db);
        TableSnapshot t = live.tables().get("public.t");
        Map<String, ColumnSnapshot> columns = new LinkedHashMap<>(t.columns());
        columns.put("kind", columns.get("kind").withDefault("'a'"));
        Snapshot code = live.withTables(new TreeMap<>(Map.of(t.key(), new TableSnapshot("public", "t", columns, null, null, null,
                null, new TreeMap<>(Map.of("positive", new CheckSnapshot("positive", "price > 0"))), null, null, false, false))));

        assertThat(Differ.diff(code, introspect(db))).hasSize(3);
        Snapshot compared = compared(db, code).snapshot();
        assertThat(Differ.diff(code, compared)).isEmpty();
        assertThat(compared.tables().get("public.t").checkConstraints().get("positive").expression()).isEqualTo("price > 0");
    }

    /** An expression the database cannot apply (it names what is not there) is compared as text, without failing. */
    @Test
    void anExpressionTheDatabaseRefusesIsComparedAsText(TestDatabase db) throws SQLException {
        db.execute("CREATE TABLE t (a int CONSTRAINT c1 CHECK (a > 0), b int CONSTRAINT c2 CHECK (b IN (1, 2)))");
        Snapshot live = introspect(db);
        TableSnapshot t = live.tables().get("public.t");
        TreeMap<String, CheckSnapshot> checks = new TreeMap<>(Map.of(
                "c1", new CheckSnapshot("c1", "no_such_function(a)"),
                "c2", new CheckSnapshot("c2", "b IN (1, 2)")));
        Snapshot expected = live.withTables(new TreeMap<>(Map.of(t.key(), new TableSnapshot("public", "t", t.columns(), null, null,
                null, null, checks, null, null, false, false))));

        Introspection read = compared(db, expected);

        assertThat(read.warnings()).isEmpty();
        assertThat(read.snapshot().tables().get("public.t").checkConstraints().get("c1").expression()).isEqualTo("(a > 0)");
        assertThat(read.snapshot().tables().get("public.t").checkConstraints().get("c2").expression()).isEqualTo("b IN (1, 2)");
    }

    /** Comparing leaves nothing behind: the scratch objects go with their transaction. */
    @Test
    void scratchObjectsDoNotOutliveTheComparison(TestDatabase db) throws SQLException {
        db.execute(SOURCE);
        Snapshot live = introspect(db);
        try (Connection c = db.connect()) {
            PG.introspect(c, OPTIONS, rewritten(live));
            assertThat(Live.rows(db, "SELECT count(*) FROM pg_class WHERE relpersistence = 't'")).containsExactly("0");
            try (Statement st = c.createStatement()) {
                assertThat(st.executeQuery("SELECT 1").next()).as("the connection is usable after").isTrue();
            }
            assertThat(c.getAutoCommit()).isTrue();
        }
    }

    /** Where no temporary object can be made (here: read-only transactions), expressions are compared as text, with a warning. */
    @Test
    void withoutTemporaryObjectsExpressionsAreComparedAsTextAndSaidSo(TestDatabase db) throws SQLException {
        db.execute(SOURCE);
        Snapshot expected = rewritten(introspect(db));
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("SET default_transaction_read_only = on");
            Introspection read = PG.introspect(c, OPTIONS, expected);

            assertThat(read.warnings()).singleElement().asString().contains("could not be compared in PostgreSQL's own form",
                    "read-only transaction");
            assertThat(Differ.diff(expected, read.snapshot())).hasSize(2);
        }
    }

    /** The snapshot with its check spelled by hand, so that the comparison has something to print. */
    private static Snapshot rewritten(Snapshot live) {
        TableSnapshot items = live.tables().get("public.items");
        TreeMap<String, CheckSnapshot> checks = new TreeMap<>(Map.of("items_kind_check",
                new CheckSnapshot("items_kind_check", "kind IN ('a', 'b')")));
        return live.withTables(new TreeMap<>(Map.of(items.key(), new TableSnapshot(items.schema(), items.name(), items.columns(),
                items.primaryKey(), items.uniqueConstraints(), items.foreignKeys(), items.indexes(), checks, items.comment(),
                items.policies(), items.rowLevelSecurity(), items.forceRowLevelSecurity()))));
    }

    private static Introspection compared(TestDatabase db, Snapshot expected) throws SQLException {
        try (Connection c = db.connect()) {
            return PG.introspect(c, OPTIONS, expected);
        }
    }
}
