package dev.sleet.kit.diff;

import dev.sleet.kit.snapshot.CommentSnapshot;
import dev.sleet.kit.snapshot.IndexSnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.schema.Comment;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.TreeMap;

import static dev.sleet.kit.diff.Snapshots.col;
import static dev.sleet.kit.diff.Snapshots.schema;
import static dev.sleet.kit.diff.Snapshots.table;
import static org.assertj.core.api.Assertions.assertThat;

class CommentPlanTest {

    private static final CommentSnapshot ON_INDEX = new CommentSnapshot(Comment.Kind.INDEX, "public", null, "t_a", "by a");

    private static Snapshot withIndex(boolean index, CommentSnapshot... comments) {
        Snapshots.T t = table("t").columns(col("a", "integer"));
        TreeMap<String, CommentSnapshot> map = new TreeMap<>();
        for (CommentSnapshot c : comments) {
            map.put(c.key(), c);
        }
        return schema(index ? t.index(new IndexSnapshot("t_a", List.of("a"), false, "btree")) : t).withComments(map);
    }

    @Test
    void anUnchangedCommentIsNoChange() {
        assertThat(Differ.diff(withIndex(true, ON_INDEX), withIndex(true, ON_INDEX))).isEmpty();
    }

    @Test
    void aCommentGoesWithItsObjectWithoutAStatementOfItsOwn() {
        assertThat(Differ.diff(withIndex(true, ON_INDEX), withIndex(false))).singleElement().isInstanceOf(Change.DropIndex.class);
    }

    @Test
    void aCommentIsSetAfterItsObjectIsMadeAndRemovedWhileTheObjectStays() {
        List<Change> changes = Differ.diff(withIndex(false), withIndex(true, ON_INDEX));
        assertThat(changes).hasSize(2).last().isEqualTo(new Change.CommentOn(ON_INDEX, "by a"));

        assertThat(Differ.diff(withIndex(true, ON_INDEX), withIndex(true))).containsExactly(new Change.CommentOn(ON_INDEX, null));
    }
}
