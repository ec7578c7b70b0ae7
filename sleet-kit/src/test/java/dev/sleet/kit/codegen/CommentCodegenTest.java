package dev.sleet.kit.codegen;

import dev.sleet.kit.SleetException;
import dev.sleet.kit.dialect.IntrospectOptions;
import dev.sleet.kit.diff.Differ;
import dev.sleet.kit.fixtures.CommentedSchema;
import dev.sleet.kit.postgres.PostgresDialect;
import dev.sleet.kit.snapshot.CodeSnapshots;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.schema.Column;
import dev.sleet.schema.Comment;
import dev.sleet.schema.Table;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Comments on objects that keep none of their own, pulled from PostgreSQL: written as
 * {@link Comment} constants, compiled, and read back as the same snapshot.
 */
@ExtendWith(PostgresExtension.class)
class CommentCodegenTest {

    @Test
    void pulledCommentsOfEveryKindCompileAndReadBackUnchanged(TestDatabase pg, @TempDir Path dir) throws Exception {
        pg.execute(CommentedSchema.SQL);
        Snapshot pulled;
        try (Connection c = pg.connect()) {
            pulled = PostgresDialect.INSTANCE.introspect(c, new IntrospectOptions(List.of("public", "audit"), "sleet",
                    "__sleet_migrations")).snapshot();
        }
        assertThat(pulled.comments()).hasSize(CommentedSchema.COMMENTS);

        Generated generated = Generated.roundTrip(pulled, "app.db", dir);

        assertThat(generated.readBack.comments()).isEqualTo(pulled.comments());
        assertThat(Differ.diff(pulled, generated.readBack)).isEmpty();
        assertThat(generated.sources.schemaJava()).contains(
                "public static final Comment AUDIT_COMMENT = Comment.onSchema(\"audit\", "
                        + "\"Audit trail: it's \\\"kept\\\" \\\\ forever; '' \\\\n\");",
                "Comment.onType(\"public\", \"mood\", \"line one\\n\"\n      + \"line\\ttwo\");",
                "Comment.onConstraint(\"public\", \"accounts\", \"n_small\", \"check\");",
                "Comment.onDomainConstraint(\"public\", \"positive\", \"positive_check\", \"domain check\");",
                "Comment.onTextSearchConfiguration(\"public\", \"docs\", \"configuration\");");
    }

    @Test
    void aPublicSchemaWithoutCommentIsWrittenAsAnEmptyOneAndReadsBackUnchanged(TestDatabase pg, @TempDir Path dir) throws Exception {
        // PostgreSQL gives a new database's public a comment; one made anew has none, which is what pull must carry.
        pg.execute("DROP SCHEMA public; CREATE SCHEMA public; CREATE TABLE t (id int)");
        Snapshot pulled;
        try (Connection c = pg.connect()) {
            pulled = PostgresDialect.INSTANCE.introspect(c, new IntrospectOptions(List.of("public"), "sleet",
                    "__sleet_migrations")).snapshot();
        }
        assertThat(pulled.comments()).containsOnlyKeys("SCHEMA public");

        Generated generated = Generated.roundTrip(pulled, "app.db", dir);

        assertThat(generated.sources.schemaJava()).contains("Comment.onSchema(\"public\", \"\")");
        assertThat(generated.readBack.comments()).isEqualTo(pulled.comments());
        assertThat(Differ.diff(pulled, generated.readBack)).isEmpty();
    }

    @Test
    void publicsDefaultCommentDeclaredIsNoComment() {
        Snapshot declared = CodeSnapshots.of(List.of(new Plain()), List.of(Comment.onSchema("public", "standard public schema")),
                PostgresDialect.INSTANCE);
        assertThat(declared.comments()).isEmpty();
    }

    static final class Plain extends Table<Plain> {
        public final Column<Integer> id = integer("id");
        Plain() { super("t"); }
    }

    @Test
    void aCommentOnAnUndeclaredObjectIsRefused() {
        assertThatThrownBy(() -> CodeSnapshots.of(List.of(new Plain()), List.of(Comment.onIndex("public", "t_missing_idx", "x")),
                PostgresDialect.INSTANCE))
                .isInstanceOf(SleetException.class)
                .hasMessageContaining("comment on index public.t_missing_idx").hasMessageContaining("no such object");
    }
}
