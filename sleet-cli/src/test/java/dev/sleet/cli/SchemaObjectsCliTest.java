package dev.sleet.cli;

import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Extensions, collations, domains, text search configurations and dictionaries, and column and
 * index-key collations, both ways (issue 11): a database built by hand is pulled, the pulled
 * history rebuilds it to the same {@code pg_dump}, and pull and generate then find nothing to do;
 * schema code declaring the same kinds is generated, migrated and pulled back unchanged.
 */
class SchemaObjectsCliTest {

    private static final List<String> SCHEMAS = List.of("public", "audit", "ext");

    /** Every kind of this part of issue 11, with hostile names, a domain over a domain and over an enum. */
    static final String HAND_SQL = """
            CREATE SCHEMA audit;
            CREATE SCHEMA ext;
            CREATE EXTENSION citext;
            CREATE EXTENSION hstore;
            CREATE EXTENSION pg_trgm;
            CREATE EXTENSION btree_gist WITH SCHEMA ext;
            CREATE COLLATION ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
            CREATE COLLATION "we""ird.Coll" (provider = libc, lc_collate = 'C.utf8', lc_ctype = 'C.utf8');
            CREATE COLLATION audit.posixish (provider = libc, lc_collate = 'C', lc_ctype = 'POSIX');
            CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
            CREATE DOMAIN positive AS integer CONSTRAINT positive_check CHECK (VALUE > 0);
            CREATE DOMAIN small_positive AS positive DEFAULT 1 NOT NULL CONSTRAINT small_check CHECK (VALUE < 100);
            CREATE DOMAIN mood_d AS mood DEFAULT 'ok';
            CREATE DOMAIN "Hostile ""dom"".x" AS text COLLATE "we""ird.Coll" CONSTRAINT "len check" CHECK (length(VALUE) < 10);
            CREATE DOMAIN email AS citext CONSTRAINT email_check CHECK (VALUE ~ '@');
            CREATE DOMAIN audit.code AS varchar(10) COLLATE audit.posixish;
            CREATE TEXT SEARCH DICTIONARY english_nostop (TEMPLATE = snowball, language = 'english');
            CREATE TEXT SEARCH DICTIONARY audit.simple_stop (TEMPLATE = simple, stopwords = 'english');
            CREATE TEXT SEARCH CONFIGURATION docs (COPY = english);
            ALTER TEXT SEARCH CONFIGURATION docs ALTER MAPPING FOR asciiword WITH english_nostop, audit.simple_stop;
            CREATE TEXT SEARCH CONFIGURATION audit.docs (PARSER = default);
            ALTER TEXT SEARCH CONFIGURATION audit.docs ADD MAPPING FOR word, asciiword WITH simple;
            CREATE TABLE items (
                id serial PRIMARY KEY,
                qty small_positive,
                scores positive[],
                mood mood_d,
                name text COLLATE "C",
                title text COLLATE ci,
                odd "Hostile ""dom"".x",
                email email,
                tags hstore,
                label citext,
                code audit.code
            );
            CREATE INDEX items_name_idx ON items (name COLLATE "POSIX");
            CREATE INDEX items_lower_idx ON items ((lower(name)) COLLATE "POSIX" DESC);
            CREATE INDEX items_odd_idx ON items (odd COLLATE audit.posixish, title);
            CREATE INDEX items_trgm_idx ON items USING gin (label gin_trgm_ops);
            CREATE TABLE audit.log (id bigint PRIMARY KEY, code audit.code, during ext.gbtreekey8);
            """;

    @TempDir
    Path dir;

    @Test
    void pulledHistoryRebuildsHandWrittenObjectsToTheSameDump() throws Exception {
        try (TestDatabase source = TestDatabase.create("objs11_hand"); TestDatabase rebuilt = TestDatabase.create("objs11_rebuilt")) {
            source.execute(HAND_SQL.replace(", during ext.gbtreekey8", ""));
            Project project = new Project(dir, source).schemaFilter(SCHEMAS);

            Sleet pulled = project.sleet("pull");
            assertThat(pulled.exitCode()).as(pulled.all()).isZero();
            String code = project.schemaCode();
            assertThat(code).contains("Extension.of(\"citext\")", "Extension.of(\"btree_gist\").inSchema(\"ext\")",
                    "Collation.icu(\"ci\", \"und-u-ks-level2\").nondeterministic()", "Domain.of(\"small_positive\", POSITIVE)",
                    "column(\"qty\", SMALL_POSITIVE)", "text(\"name\").collate(\"C\")", ".collate(\"POSIX\")",
                    "TextSearchDictionary.of(\"english_nostop\", \"snowball\")");
            Sleet migrated = project.on(rebuilt).sleet("migrate");
            assertThat(migrated.exitCode()).as(migrated.all()).isZero();

            assertThat(PgDump.differingLines(source, rebuilt)).as("pg_dump of the hand-made database and of the one rebuilt"
                    + " from its pulled history\n" + String.join("\n", project.files().stream()
                            .filter(f -> f.endsWith(".sql")).map(project::read).toList())).isEmpty();
            project.assertSettled();

            // A pulled migration that only adds a domain, a collation and text search objects carries probes for
            // them: the database it was pulled from records it without running it, an empty one runs it.
            source.execute("CREATE DOMAIN extra AS integer CONSTRAINT extra_check CHECK (VALUE <> 0);"
                    + " CREATE COLLATION extra_coll (provider = icu, locale = 'de');"
                    + " CREATE TEXT SEARCH DICTIONARY extra_dict (TEMPLATE = simple);"
                    + " CREATE TEXT SEARCH CONFIGURATION extra_cfg (PARSER = default);");
            Sleet domainPulled = project.sleet("pull");
            assertThat(domainPulled.exitCode()).as(domainPulled.all()).isZero();
            Sleet onSource = project.sleet("migrate");
            assertThat(onSource.exitCode()).as(onSource.all()).isZero();
            Sleet onRebuilt = project.on(rebuilt).sleet("migrate");
            assertThat(onRebuilt.exitCode()).as(onRebuilt.all()).isZero();
            assertThat(PgDump.differingLines(source, rebuilt)).isEmpty();
        }
    }

    @Test
    void codeFirstObjectsMigrateAndPullBackUnchanged() throws Exception {
        try (TestDatabase db = TestDatabase.create("objs11_code")) {
            Project project = new Project(dir, db).schemaFilter(SCHEMAS).schema("""
                    public static final Extension CITEXT = Extension.of("citext");
                    public static final Collation CI = Collation.icu("ci", "und-u-ks-level2").nondeterministic();
                    public static final Collation WEIRD = Collation.libc("we\\"ird.Coll", "C.utf8").inSchema("audit");
                    public static final EnumType<String> MOOD = EnumType.of("mood", "sad", "ok", "happy");
                    public static final Domain<Integer> POSITIVE = Domain.of("positive", DataType.INTEGER)
                            .check("positive_check", "(VALUE > 0)");
                    public static final Domain<Integer> SMALL = Domain.of("small", POSITIVE).notNull().defaultSql("1")
                            .check("small_check", "((VALUE)::integer < 100)");
                    public static final Domain<String> MOOD_D = Domain.of("mood_d", MOOD).defaultSql("'ok'::mood");
                    public static final Domain<String> HOSTILE = Domain.of("Hostile \\"dom\\".x", DataType.TEXT).collate(WEIRD)
                            .check("len check", "(length(VALUE) < 10)");
                    public static final TextSearchDictionary NOSTOP = TextSearchDictionary.of("english_nostop", "snowball")
                            .options("language = 'english'");
                    public static final TextSearchConfiguration DOCS = TextSearchConfiguration.of("docs")
                            .mapping("asciiword", "english_nostop", "simple").mapping("word", "simple");

                    public static final Items ITEMS = new Items();

                    public static final class Items extends Table<Items> {
                        public final Column<Integer> id = serial("id").primaryKey();
                        public final Column<Integer> qty = column("qty", SMALL);
                        public final Column<Integer[]> scores = column("scores", POSITIVE).array();
                        public final Column<String> mood = column("mood", MOOD_D);
                        public final Column<String> name = text("name").collate("C");
                        public final Column<String> title = text("title").collate(CI);
                        public final Column<String> odd = column("odd", HOSTILE);
                        public final Column<Object> label = column("label", new DataType<>("citext", Object.class));
                        public final Index byName = index("items_name_idx").on(name.asc().collate("POSIX"));
                        public final Index byOdd = index("items_odd_idx").on(odd.desc().collate(WEIRD), title.asc());
                        public final Index byLower = index("items_lower_idx").on(IndexKey.expression("lower(name)").collate("POSIX"));

                        public Items() {
                            super("items");
                        }
                    }
                    """);
            Sleet generated = project.sleet("generate");
            assertThat(generated.exitCode()).as(generated.all()).isZero();
            Sleet migrated = project.sleet("migrate");
            assertThat(migrated.exitCode()).as(migrated.all() + "\n" + project.files().stream()
                    .filter(f -> f.endsWith(".sql")).map(project::read).toList()).isZero();
            Sleet pulled = project.sleet("pull");
            assertThat(pulled.exitCode()).as(pulled.all()).isZero();
            assertThat(pulled.out()).as(pulled.all() + "\n" + project.schemaCode()).contains("already matches");
            Sleet again = project.sleet("generate");
            assertThat(again.exitCode()).as(again.all()).isZero();
            assertThat(again.out()).as(again.all()).contains("No schema changes");
            assertThat(Files.readString(dir.resolve("schema/Schema.java"))).contains("Domain.of(\"small\", POSITIVE)");
        }
    }
}
