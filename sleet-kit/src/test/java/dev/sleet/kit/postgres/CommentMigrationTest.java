package dev.sleet.kit.postgres;

import dev.sleet.kit.dialect.IntrospectOptions;
import dev.sleet.kit.diff.Change;
import dev.sleet.kit.diff.Differ;
import dev.sleet.kit.diff.Renames;
import dev.sleet.kit.fixtures.CommentedSchema;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Comments on schemas, indexes, types, domains, sequences, collations, text search objects,
 * triggers, constraints and policies, carried out on a real PostgreSQL: each database is migrated
 * by the differ's SQL and must then read back as the target, comments and all.
 */
@ExtendWith(PostgresExtension.class)
class CommentMigrationTest {

    private static final String PUBLIC_COMMENT = "SELECT obj_description('public'::regnamespace, 'pg_namespace')";

    @Test
    void everyKindOfCommentIsSetOnAnEmptyDatabaseAndReadsBackExactly(TestDatabase db, TestDatabase target) throws SQLException {
        List<String> sql = Live.migrate(db, "", target, CommentedSchema.SQL);
        assertThat(sql.stream().filter(s -> s.startsWith("COMMENT ON") && !s.startsWith("COMMENT ON TABLE")))
                .hasSize(CommentedSchema.COMMENTS);
        assertThat(Live.introspect(db).comments()).hasSize(CommentedSchema.COMMENTS);
        assertThat(Live.rows(db, "SELECT obj_description('audit'::regnamespace, 'pg_namespace')"))
                .containsExactly(CommentedSchema.HOSTILE);
        assertThat(Live.rows(db, "SELECT obj_description('mood'::regtype, 'pg_type')")).containsExactly(CommentedSchema.LINES);
        assertThat(Live.rows(db, "SELECT obj_description('audit.pair'::regtype, 'pg_type')")).containsExactly(CommentedSchema.UNICODE);
        // Each comment is set once every object exists: the comments come last.
        int firstComment = sql.indexOf(sql.stream().filter(s -> s.startsWith("COMMENT ON")).findFirst().orElseThrow());
        assertThat(sql.subList(firstComment, sql.size())).allMatch(s -> s.startsWith("COMMENT ON"));
    }

    @Test
    void thePublicSchemasCommentIsCarriedWhereItIsNotPostgresDefault(TestDatabase db, TestDatabase target) throws SQLException {
        // Two new databases: public has PostgreSQL's default comment, which nothing carries.
        assertThat(Live.introspect(target).comments()).isEmpty();
        assertThat(Differ.diff(Live.introspect(db), Live.introspect(target))).isEmpty();

        // A public dropped and made again has none: pg_dump writes COMMENT ON SCHEMA public IS ''.
        List<String> sql = Live.migrate(db, "", target, "DROP SCHEMA public; CREATE SCHEMA public;");
        assertThat(sql).containsExactly("COMMENT ON SCHEMA \"public\" IS NULL;");
        assertThat(Live.rows(db, PUBLIC_COMMENT)).containsOnlyNulls();

        sql = Live.migrate(db, "", target, "COMMENT ON SCHEMA public IS 'Our tables';");
        assertThat(sql).containsExactly("COMMENT ON SCHEMA \"public\" IS 'Our tables';");

        // Back to the default: PostgreSQL's text again, not no comment.
        sql = Live.migrate(db, "", target, "COMMENT ON SCHEMA public IS 'standard public schema';");
        assertThat(sql).containsExactly("COMMENT ON SCHEMA \"public\" IS 'standard public schema';");
        assertThat(Live.rows(db, PUBLIC_COMMENT)).containsExactly("standard public schema");
    }

    @Test
    void commentsAreChangedAndRemovedInPlace(TestDatabase db, TestDatabase target) throws SQLException {
        List<String> sql = Live.migrate(db, CommentedSchema.SQL, target, CommentedSchema.SQL
                .replace("IS 'index'", "IS 'index, now ''changed'''")
                .replace("COMMENT ON POLICY own ON accounts IS 'policy';", "")
                .replace("COMMENT ON CONSTRAINT positive_check ON DOMAIN positive IS 'domain check';",
                        "COMMENT ON CONSTRAINT positive_check ON DOMAIN positive IS '';")
                .replace("'trigger'", "'trigger\\'"));
        assertThat(sql).containsExactlyInAnyOrder(
                "COMMENT ON INDEX \"public\".\"accounts_email_idx\" IS 'index, now ''changed''';",
                "COMMENT ON POLICY \"own\" ON \"public\".\"accounts\" IS NULL;",
                "COMMENT ON CONSTRAINT \"positive_check\" ON DOMAIN \"public\".\"positive\" IS NULL;",
                "COMMENT ON TRIGGER \"accounts_touch\" ON \"public\".\"accounts\" IS 'trigger\\';");
    }

    @Test
    void anObjectMadeAnewGetsItsCommentAgain(TestDatabase db, TestDatabase target) throws SQLException {
        List<String> sql = Live.migrate(db, CommentedSchema.SQL, target, CommentedSchema.SQL
                .replace("(lower(email))", "(upper(email))")
                .replace("CHECK (n < 100)", "CHECK (n < 50)")
                .replace("REFERENCES accounts", "REFERENCES accounts ON DELETE CASCADE")
                .replace("('sad', 'happy')", "('happy', 'sad')")
                .replace("CHECK (VALUE > 0)", "CHECK (VALUE > 1)")
                .replace("language = 'english'", "language = 'english', stopwords = 'english'")
                .replace("BEFORE UPDATE", "AFTER UPDATE"));
        assertThat(sql).contains("COMMENT ON INDEX \"public\".\"accounts_email_idx\" IS 'index';",
                "COMMENT ON CONSTRAINT \"n_small\" ON \"public\".\"accounts\" IS 'check';",
                "COMMENT ON CONSTRAINT \"events_account_fkey\" ON \"audit\".\"events\" IS 'foreign key';",
                "COMMENT ON TYPE \"public\".\"mood\" IS E'line one\\nline\\ttwo';",
                "COMMENT ON CONSTRAINT \"positive_check\" ON DOMAIN \"public\".\"positive\" IS 'domain check';",
                "COMMENT ON TEXT SEARCH DICTIONARY \"public\".\"stem\" IS 'dictionary';",
                "COMMENT ON TEXT SEARCH CONFIGURATION \"public\".\"docs\" IS 'configuration';",
                "COMMENT ON TRIGGER \"accounts_touch\" ON \"public\".\"accounts\" IS 'trigger';");
        assertThat(sql).noneMatch(s -> s.contains("COMMENT ON SEQUENCE") || s.contains("COMMENT ON SCHEMA"));
    }

    @Test
    void commentsFollowRenamedTablesTypesSequencesAndSchemas(TestDatabase db, TestDatabase target) throws SQLException {
        // A renamed schema does not take composite types along yet: the type stays out of it here.
        String before = CommentedSchema.SQL.replace("audit.pair", "pair");
        db.execute(before);
        target.execute(before.replace("audit", "archive").replaceAll("\\baccounts\\b", "members")
                .replace("TYPE mood", "TYPE feeling").replace("m mood", "m feeling")
                .replace("SEQUENCE archive.counter", "SEQUENCE archive.tally"));
        IntrospectOptions after = new IntrospectOptions(List.of("public", "archive"), "sleet", "__sleet_migrations");
        Snapshot wanted;
        try (Connection c = target.connect()) {
            wanted = Live.PG.introspect(c, after).snapshot();
        }
        List<Change> changes = Differ.diff(Live.introspect(db), wanted, Renames.NONE.withSchema("audit", "archive")
                .withTable("public.accounts", "public.members").withEnum("public.mood", "public.feeling")
                .withSequence("archive.counter", "archive.tally"));
        assertThat(changes).contains(new Change.RenameSchema("audit", "archive"), new Change.RenameTable("public", "accounts", "members"),
                new Change.RenameEnum("public", "mood", "feeling"), new Change.RenameSequence("archive", "counter", "tally"));
        // What the renames carry keeps its comment; what is made anew (the view over the renamed schema's
        // table, the trigger naming the renamed table) gets it again.
        assertThat(changes.stream().filter(c -> c instanceof Change.CommentOn).map(Change::subject))
                .containsExactlyInAnyOrder("index archive.totals_n", "trigger public.members.accounts_touch");
        Live.apply(db, changes);
        try (Connection c = db.connect()) {
            assertThat(Differ.diff(Live.PG.introspect(c, after).snapshot(), wanted)).isEmpty();
        }
    }
}
