package dev.sleet.kit.diff;

import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.kit.snapshot.CommentSnapshot;
import dev.sleet.kit.snapshot.EnumSnapshot;
import dev.sleet.kit.snapshot.IndexSnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.schema.Comment;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.sleet.kit.diff.Snapshots.col;
import static dev.sleet.kit.diff.Snapshots.enumCol;
import static dev.sleet.kit.diff.Snapshots.enumType;
import static dev.sleet.kit.diff.Snapshots.schema;
import static dev.sleet.kit.diff.Snapshots.table;
import static dev.sleet.kit.diff.Snapshots.with;
import static dev.sleet.kit.diff.Snapshots.withDefault;
import static org.assertj.core.api.Assertions.assertThat;

class MigrationStepsTest {

    @Test
    void newEnumLabelsGoFirstInAFileOfTheirOwnOutsideATransaction() {
        Snapshot from = with(schema(table("t").columns(enumCol("s", "status"))), enumType("status", "a"));
        Snapshot to = with(schema(table("t").columns(withDefault(enumCol("s", "status"), "'b'::status"), col("n", "text"))),
                enumType("status", "a", "b"));

        List<MigrationSteps.Step> steps = MigrationSteps.split(from, to, Differ.diff(from, to));

        assertThat(steps).hasSize(2);
        assertThat(steps.get(0).transactional()).isFalse();
        assertThat(steps.get(0).changes()).containsExactly(new Change.AddEnumValue("public", "status", "b", null, null));
        // the first file leads to the old tables with the new labels; the second to the target
        assertThat(steps.get(0).after().enums()).isEqualTo(to.enums());
        assertThat(steps.get(0).after().tables()).isEqualTo(from.tables());
        assertThat(Differ.diff(steps.get(0).after(), to)).isEqualTo(steps.get(1).changes());
        assertThat(steps.get(1).transactional()).isTrue();
        assertThat(steps.get(1).after()).isEqualTo(to);
    }

    @Test
    void labelsOfARenamedTypeAreAddedUnderTheNameItHasBeforeTheRenamesThatFollow() {
        Snapshot from = with(schema(table("audit", "t").columns(new ColumnSnapshot("m", "mood", false, false, null, "audit"))),
                new EnumSnapshot("audit", "mood", List.of("a")));
        Snapshot to = with(schema(table("billing", "t").columns(new ColumnSnapshot("m", "feeling", false, false, null, "billing"))),
                new EnumSnapshot("billing", "feeling", List.of("a", "b")));
        Renames renames = Renames.NONE.withSchema("audit", "billing").withEnum("billing.mood", "billing.feeling");

        List<MigrationSteps.Step> steps = MigrationSteps.split(from, to, Differ.diff(from, to, renames));

        assertThat(steps).hasSize(2);
        assertThat(steps.get(0).changes()).containsExactly(new Change.AddEnumValue("audit", "mood", "b", null, null));
        assertThat(steps.get(0).after().enums()).containsExactly(
                java.util.Map.entry("audit.mood", new EnumSnapshot("audit", "mood", List.of("a", "b"))));
        assertThat(steps.get(0).after().tables()).isEqualTo(from.tables());
        assertThat(Differ.diff(steps.get(0).after(), to, renames)).isEqualTo(steps.get(1).changes());
        assertThat(steps.get(1).changes()).containsExactly(new Change.RenameSchema("audit", "billing"),
                new Change.RenameEnum("billing", "mood", "feeling"));
    }

    @Test
    void changesThatFitOneTransactionStayInOneStep() {
        Snapshot from = schema(table("t").columns(col("a", "integer")));
        Snapshot to = with(schema(table("t").columns(col("a", "integer"), enumCol("s", "status"))), enumType("status", "a"));

        List<MigrationSteps.Step> steps = MigrationSteps.split(from, to, Differ.diff(from, to));

        assertThat(steps).singleElement().satisfies(step -> {
            assertThat(step.transactional()).isTrue();
            assertThat(step.after()).isEqualTo(to);
            assertThat(step.changes()).hasSize(2);
        });
        assertThat(MigrationSteps.split(to, to, List.of())).isEmpty();
    }

    @Test
    void concurrentIndexBuildsGoLastInAFileOutsideATransaction() {
        Snapshot from = schema(table("t").columns(col("a", "integer"), col("b", "integer")));
        Snapshot to = schema(table("t").columns(col("a", "integer"), col("b", "bigint"))
                .index(new IndexSnapshot("t_a", List.of("a"), false, "btree").withConcurrently(true))
                .index(new IndexSnapshot("t_b", List.of("b"), false, "btree")));

        List<MigrationSteps.Step> steps = MigrationSteps.split(from, to, Differ.diff(from, to));

        assertThat(steps).hasSize(2);
        assertThat(steps.get(0).transactional()).isTrue();
        assertThat(steps.get(0).changes()).hasSize(2).noneMatch(c -> c.subject().equals("public.t_a"));
        assertThat(steps.get(0).after().tables().get("public.t").indexes()).containsOnlyKeys("t_b");
        assertThat(steps.get(1).transactional()).isFalse();
        assertThat(steps.get(1).changes()).singleElement().isInstanceOf(Change.CreateIndex.class);
        assertThat(steps.get(1).after()).isEqualTo(to);
    }

    @Test
    void theCommentOnAnIndexBuiltConcurrentlyFollowsItIntoItsFile() {
        Snapshot from = schema(table("t").columns(col("a", "integer")));
        Snapshot to = schema(table("t").columns(col("a", "integer")).comment("table")
                .index(new IndexSnapshot("t_a", List.of("a"), false, "btree").withConcurrently(true)))
                .withComments(new TreeMap<>(Map.of("INDEX public.t_a", new CommentSnapshot(Comment.Kind.INDEX, "public", null, "t_a", "by a"))));

        List<MigrationSteps.Step> steps = MigrationSteps.split(from, to, Differ.diff(from, to));

        assertThat(steps).hasSize(2);
        assertThat(steps.get(0).changes()).singleElement().isInstanceOf(Change.SetComment.class);
        assertThat(steps.get(0).after().comments()).isEmpty();
        assertThat(steps.get(1).changes()).hasSize(2).last().isInstanceOf(Change.CommentOn.class);
        assertThat(steps.get(1).after()).isEqualTo(to);
    }
}
