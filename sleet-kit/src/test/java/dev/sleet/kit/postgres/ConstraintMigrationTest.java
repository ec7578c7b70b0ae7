package dev.sleet.kit.postgres;

import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.TableSnapshot;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.SQLException;
import java.util.List;

import static dev.sleet.kit.postgres.Live.introspect;
import static dev.sleet.kit.postgres.Live.migrate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Check constraints, NULLS NOT DISTINCT, foreign keys across schemas and over several columns, on a real PostgreSQL. */
@ExtendWith(PostgresExtension.class)
class ConstraintMigrationTest {

    @Test
    void checksAndNullsNotDistinctReadBackAndMigrate(TestDatabase db, TestDatabase target) throws SQLException {
        List<String> sql = migrate(db, """
                CREATE TABLE items (price numeric CHECK (price > 0), qty int, code text,
                                    CONSTRAINT items_qty_check CHECK (qty BETWEEN 1 AND 10), CONSTRAINT items_code_key UNIQUE (code));
                INSERT INTO items VALUES (5, 2, NULL), (6, 3, NULL);
                """, target, """
                CREATE TABLE items (price numeric CHECK (price > 0), qty int, code text,
                                    CONSTRAINT items_qty_check CHECK (qty BETWEEN 1 AND 100),
                                    CONSTRAINT items_code_key UNIQUE NULLS NOT DISTINCT (code, qty),
                                    CONSTRAINT items_name_check CHECK (code <> ''));
                """);

        assertThat(sql).contains("ALTER TABLE \"items\" ADD CONSTRAINT \"items_qty_check\" CHECK (((qty >= 1) AND (qty <= 100)));",
                "ALTER TABLE \"items\" ADD CONSTRAINT \"items_code_key\" UNIQUE NULLS NOT DISTINCT(\"code\",\"qty\");");
        TableSnapshot items = introspect(db).tables().get("public.items");
        assertThat(items.checkConstraints().get("items_price_check").expression()).isEqualTo("(price > (0)::numeric)");
        assertThat(items.uniqueConstraints().get("items_code_key").nullsNotDistinct()).isTrue();
        db.execute("INSERT INTO items VALUES (1, 50, NULL)");
        assertThatThrownBy(() -> db.execute("INSERT INTO items VALUES (1, 50, NULL)")).hasMessageContaining("items_code_key");
        assertThatThrownBy(() -> db.execute("INSERT INTO items VALUES (1, 500, 'x')")).hasMessageContaining("items_qty_check");
    }

    @Test
    void foreignKeysToAnotherSchemaAndOverSeveralColumns(TestDatabase db, TestDatabase target) throws SQLException {
        migrate(db, "SELECT 1", target, """
                CREATE SCHEMA audit;
                CREATE TABLE audit.periods (year int, month int, PRIMARY KEY (year, month));
                CREATE TABLE bills (id int PRIMARY KEY, year int, month int,
                                    CONSTRAINT bills_period_fk FOREIGN KEY (year, month) REFERENCES audit.periods ON DELETE CASCADE);
                CREATE TABLE audit.bill_notes (bill_id int REFERENCES public.bills, note text);
                """);

        Snapshot live = introspect(db);
        assertThat(live.tables().get("public.bills").foreignKeys().get("bills_period_fk").referencedKey()).isEqualTo("audit.periods");
        assertThat(live.tables().get("public.bills").foreignKeys().get("bills_period_fk").referencedColumns())
                .containsExactly("year", "month");
        assertThat(live.tables().get("audit.bill_notes").foreignKeys().get("bill_notes_bill_id_fkey").referencedKey())
                .isEqualTo("public.bills");
        db.execute("INSERT INTO audit.periods VALUES (2024, 1); INSERT INTO bills VALUES (1, 2024, 1);"
                + "DELETE FROM audit.periods;");
        assertThat(Live.rows(db, "SELECT count(*)::text FROM bills")).containsExactly("0");
    }
}
