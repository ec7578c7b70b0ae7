package dev.sleet.kit.postgres;

import dev.sleet.kit.diff.Differ;
import dev.sleet.kit.snapshot.CheckSnapshot;
import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.kit.snapshot.ParentSnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.SnapshotJson;
import dev.sleet.kit.snapshot.TableSnapshot;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.SQLException;
import java.util.List;

import static dev.sleet.kit.postgres.Live.apply;
import static dev.sleet.kit.postgres.Live.introspect;
import static dev.sleet.kit.postgres.Live.migrate;
import static dev.sleet.kit.postgres.Live.rows;
import static org.assertj.core.api.Assertions.assertThat;

/** Table inheritance ({@code INHERITS}) read from the catalog and migrated on a real PostgreSQL. */
@ExtendWith(PostgresExtension.class)
class InheritanceMigrationTest {

    /** Two parents, a child with columns of its own, one merged with a parent's, checks inherited and not. */
    static final String FAMILY = """
            CREATE TABLE base (id serial PRIMARY KEY, kind text NOT NULL DEFAULT 'any', note text,
                CONSTRAINT base_kind_check CHECK (kind <> ''), CONSTRAINT base_only CHECK (id > 0) NO INHERIT);
            CREATE TABLE tagged (tag text DEFAULT 'none', note text);
            CREATE TABLE child (note text, extra int DEFAULT 7 NOT NULL, CONSTRAINT child_extra_check CHECK (extra < 100))
                INHERITS (base, tagged);
            ALTER TABLE ONLY child ALTER COLUMN kind SET DEFAULT 'child';
            ALTER TABLE ONLY child ALTER COLUMN tag DROP DEFAULT;
            ALTER TABLE child ALTER COLUMN id SET NOT NULL;
            ALTER TABLE child ADD CONSTRAINT child_pkey PRIMARY KEY (id);
            CREATE INDEX child_extra ON child (extra, kind);
            COMMENT ON COLUMN child.kind IS 'inherited, with a comment of its own';
            """;

    @Test
    void aChildReadsItsParentsAndOnlyWhatIsItsOwn(TestDatabase db) throws SQLException {
        db.execute(FAMILY);

        Snapshot live = introspect(db);

        TableSnapshot child = live.tables().get("public.child");
        assertThat(child.inherits()).containsExactly(new ParentSnapshot("public", "base"), new ParentSnapshot("public", "tagged"));
        assertThat(live.tables().get("public.base").inherits()).isEmpty();
        // id: inherited, NOT NULL from its parent, default the parent's: nothing of its own.
        assertThat(child.columns()).containsOnlyKeys("kind", "note", "tag", "extra");
        assertThat(child.columns().get("kind")).isEqualTo(
                ColumnSnapshot.inheritedPart("kind", "text", null, false, "'child'::text", "inherited, with a comment of its own"));
        assertThat(child.columns().get("tag")).isEqualTo(ColumnSnapshot.inheritedPart("tag", "text", null, false, "NULL", null));
        assertThat(child.columns().get("note").inherited()).isFalse();
        assertThat(child.columns().get("extra")).isEqualTo(new ColumnSnapshot("extra", "integer", false, true, "7"));
        assertThat(child.checkConstraints()).containsOnlyKeys("child_extra_check");
        assertThat(live.tables().get("public.base").checkConstraints().get("base_only"))
                .isEqualTo(new CheckSnapshot("base_only", "(id > 0)", false, true));
        assertThat(child.indexes()).containsOnlyKeys("child_extra");
        assertThat(child.primaryKey().columns()).containsExactly("id");
        assertThat(SnapshotJson.fromJson(SnapshotJson.toJson(live), "test")).isEqualTo(live);
    }

    @Test
    void aFamilyIsCreatedParentsFirstAndReadsBackTheSame(TestDatabase db, TestDatabase target) throws SQLException {
        target.execute(FAMILY);
        Snapshot wanted = introspect(target);

        List<String> sql = apply(db, Differ.diff(Snapshot.empty("postgresql"), wanted));

        assertThat(sql).contains("""
                CREATE TABLE "child" (
                \t"note" text,
                \t"extra" integer DEFAULT 7 NOT NULL,
                \tCONSTRAINT "child_pkey" PRIMARY KEY("id"),
                \tCONSTRAINT "child_extra_check" CHECK ((extra < 100))
                ) INHERITS ("base", "tagged");""",
                "ALTER TABLE ONLY \"child\" ALTER COLUMN \"kind\" SET DEFAULT 'child'::text;",
                "ALTER TABLE ONLY \"child\" ALTER COLUMN \"tag\" DROP DEFAULT;");
        assertThat(sql.stream().filter(s -> s.startsWith("CREATE TABLE \"base\"")).findFirst().orElseThrow())
                .contains("CHECK ((id > 0)) NO INHERIT");
        assertThat(indexOfPrefix(sql, "CREATE TABLE \"base\"")).isLessThan(indexOfPrefix(sql, "CREATE TABLE \"child\""));
        assertThat(indexOfPrefix(sql, "CREATE TABLE \"tagged\"")).isLessThan(indexOfPrefix(sql, "CREATE TABLE \"child\""));
        Snapshot live = introspect(db);
        assertThat(live.sameSchemaAs(wanted)).as(SnapshotJson.toJson(live)).isTrue();
        assertThat(Differ.diff(live, wanted)).isEmpty();
        // Rows of the child are seen through its parents; the check it inherits binds it.
        db.execute("INSERT INTO child (note) VALUES ('x')");
        assertThat(rows(db, "SELECT kind || ':' || note FROM base")).containsExactly("child:x");
        assertThat(rows(db, "SELECT extra || ':' || coalesce(tag, 'none') FROM child")).containsExactly("7:none");
        assertThat(rows(db, "SELECT count(*)::text FROM pg_constraint WHERE conrelid = 'child'::regclass AND conname = 'base_kind_check'"))
                .containsExactly("1");
        assertThat(rows(db, "SELECT count(*)::text FROM pg_constraint WHERE conrelid = 'child'::regclass AND conname = 'base_only'"))
                .containsExactly("0");

        // Dropped: the child before its parents.
        List<String> dropped = apply(db, Differ.diff(wanted, Snapshot.empty("postgresql")));
        assertThat(indexOfPrefix(dropped, "DROP TABLE \"child\"")).isLessThan(indexOfPrefix(dropped, "DROP TABLE \"base\""));
        assertThat(introspect(db).tables()).isEmpty();
    }

    @Test
    void aColumnDeclaredAndInheritedTooTakesItsNewTypeFromTheParent(TestDatabase db, TestDatabase target) throws SQLException {
        // PostgreSQL retypes the child's column with the parent's and refuses to on the child ("cannot alter inherited column").
        String family = """
                CREATE TABLE people (id int, address varchar(50));
                CREATE TABLE staff (id int, address varchar(50) NOT NULL, badge int) INHERITS (people);
                """;
        List<String> sql = migrate(db, family + "INSERT INTO staff VALUES (1, 'ann@corp.com', 7);", target,
                family.replace("varchar(50)", "varchar(200)").replace(" NOT NULL", ""));

        assertThat(sql).noneMatch(statement -> statement.contains("\"staff\" ALTER COLUMN \"address\" SET DATA TYPE"));
        assertThat(rows(db, "SELECT address FROM staff")).containsExactly("ann@corp.com");
    }

    @Test
    void aTableStartsInheritingOnceItHasTheParentsColumns(TestDatabase db, TestDatabase target) throws SQLException {
        List<String> sql = migrate(db, """
                CREATE TABLE p (id int NOT NULL, v text);
                CREATE TABLE c (id int NOT NULL, w text);
                INSERT INTO c VALUES (1, 'one');
                """, target, """
                CREATE TABLE p (id int NOT NULL, v text);
                CREATE TABLE c (id int NOT NULL, w text, v text);
                ALTER TABLE c INHERIT p;
                """);

        assertThat(sql).containsExactly("ALTER TABLE \"c\" ADD COLUMN \"v\" text;", "ALTER TABLE \"c\" INHERIT \"p\";");
        assertThat(rows(db, "SELECT id::text FROM p")).containsExactly("1");
    }

    @Test
    void aTableStopsInheritingKeepingTheColumnsItHadFromTheParent(TestDatabase db, TestDatabase target) throws SQLException {
        List<String> sql = migrate(db, """
                CREATE TABLE p (id int NOT NULL, v text);
                CREATE TABLE c (w text) INHERITS (p);
                INSERT INTO c VALUES (1, 'one', 'w');
                """, target, """
                CREATE TABLE p (id int NOT NULL, v text);
                CREATE TABLE c (id int NOT NULL, w text);
                """);

        assertThat(sql).containsExactly("ALTER TABLE \"c\" NO INHERIT \"p\";", "ALTER TABLE \"c\" DROP COLUMN \"v\";");
        assertThat(rows(db, "SELECT id || ':' || w FROM c")).containsExactly("1:w");
        assertThat(rows(db, "SELECT count(*)::text FROM p")).containsExactly("0");
    }

    @Test
    void whatAnInheritedColumnCarriesOfItsOwnChangesOnTheChildAlone(TestDatabase db, TestDatabase target) throws SQLException {
        List<String> sql = migrate(db, """
                CREATE TABLE p (id int, v text DEFAULT 'p');
                CREATE TABLE c () INHERITS (p);
                CREATE TABLE d () INHERITS (p);
                ALTER TABLE ONLY d ALTER COLUMN v SET DEFAULT 'd';
                """, target, """
                CREATE TABLE p (id int, v text DEFAULT 'p', added int);
                CREATE TABLE c () INHERITS (p);
                ALTER TABLE ONLY c ALTER COLUMN v SET DEFAULT 'c';
                ALTER TABLE ONLY c ALTER COLUMN id SET NOT NULL;
                CREATE TABLE d () INHERITS (p);
                """);

        assertThat(sql).containsExactlyInAnyOrder(
                "ALTER TABLE \"p\" ADD COLUMN \"added\" integer;",
                "ALTER TABLE \"c\" ALTER COLUMN \"v\" SET DEFAULT 'c'::text;",
                "ALTER TABLE \"c\" ALTER COLUMN \"id\" SET NOT NULL;",
                "ALTER TABLE \"d\" ALTER COLUMN \"v\" SET DEFAULT 'p'::text;");
    }

    @Test
    void aChildIsDroppedAndItsParentStays(TestDatabase db, TestDatabase target) throws SQLException {
        List<String> sql = migrate(db, """
                CREATE TABLE p (id int);
                CREATE TABLE c (x int) INHERITS (p);
                CREATE TABLE g () INHERITS (c);
                """, target, """
                CREATE TABLE p (id int);
                """);

        assertThat(sql).containsExactly("DROP TABLE \"g\";", "DROP TABLE \"c\";");
    }

    private static int indexOfPrefix(List<String> statements, String prefix) {
        for (int i = 0; i < statements.size(); i++) {
            if (statements.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("No statement starts with " + prefix + " in " + statements);
    }
}
