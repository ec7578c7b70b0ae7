package dev.sleet.kit.diff;

import dev.sleet.kit.snapshot.CommentSnapshot;
import dev.sleet.kit.snapshot.DomainSnapshot;
import dev.sleet.kit.snapshot.KeySnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.TableSnapshot;
import dev.sleet.schema.Comment.Kind;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Comments on the objects that keep none in their own snapshot ({@link CommentSnapshot}): set where
 * new or changed, removed where gone while the object stays, and set again on every object the
 * plan makes (anew), since an object made anew has no comment. They are set after everything is
 * made; a comment on an object that goes away goes with it.
 */
final class CommentPlan {

    private CommentPlan() {}

    /** Adds the comment changes between {@code from} (renames carried in) and {@code to}, given the rest of the plan. */
    static void comments(Differ.Plan plan, Snapshot from, Snapshot to) {
        if (from.comments().isEmpty() && to.comments().isEmpty()) {
            return;
        }
        Set<String> made = new HashSet<>();
        plan.ordered().forEach(change -> made(change, made));
        for (CommentSnapshot now : to.comments().values()) {
            CommentSnapshot old = from.comments().get(now.key());
            if (now.targetIn(to) && (old == null || !old.comment().equals(now.comment()) || made.contains(now.key()))) {
                // An empty comment (kept only on public) is no comment at all.
                plan.comments.add(new Change.CommentOn(now, now.comment().isEmpty() ? null : now.comment()));
            }
        }
        for (CommentSnapshot old : from.comments().values()) {
            if (!to.comments().containsKey(old.key()) && old.targetIn(to) && !made.contains(old.key())) {
                // No comment on public in a snapshot means the one PostgreSQL gives it, not none.
                plan.comments.add(new Change.CommentOn(old, old.onPublicSchema() ? CommentSnapshot.PUBLIC_DEFAULT : null));
            }
        }
    }

    /** Adds to {@code made} the comment keys of the objects {@code change} makes. */
    private static void made(Change change, Set<String> made) {
        if (change instanceof Change.CreateSchema c) {
            made.add(CommentSnapshot.key(Kind.SCHEMA, c.schema(), null, c.schema()));
        } else if (change instanceof Change.CreateTable c) {
            TableSnapshot t = c.table();
            if (t.primaryKey() != null) {
                key(t.schema(), t.name(), t.primaryKey(), made);
            }
            t.uniqueConstraints().values().forEach(k -> key(t.schema(), t.name(), k, made));
            t.checkConstraints().keySet().forEach(name -> made.add(CommentSnapshot.key(Kind.CONSTRAINT, t.schema(), t.name(), name)));
        } else if (change instanceof Change.AddPrimaryKey c) {
            key(c.schema(), c.table(), c.key(), made);
        } else if (change instanceof Change.AddUnique c) {
            key(c.schema(), c.table(), c.key(), made);
        } else if (change instanceof Change.AddCheck c) {
            made.add(CommentSnapshot.key(Kind.CONSTRAINT, c.schema(), c.table(), c.check().name()));
        } else if (change instanceof Change.AddForeignKey c) {
            made.add(CommentSnapshot.key(Kind.CONSTRAINT, c.schema(), c.table(), c.key().name()));
        } else if (change instanceof Change.AddExclusion c) {
            made.add(CommentSnapshot.key(Kind.CONSTRAINT, c.schema(), c.table(), c.exclusion().name()));
            made.add(CommentSnapshot.key(Kind.INDEX, c.schema(), null, c.exclusion().name()));
        } else if (change instanceof Change.CreateIndex c) {
            made.add(CommentSnapshot.key(Kind.INDEX, c.schema(), null, c.index().name()));
        } else if (change instanceof Change.CreateEnum c) {
            made.add(CommentSnapshot.key(Kind.TYPE, c.type().schema(), null, c.type().name()));
        } else if (change instanceof Change.RecreateEnum c) {
            made.add(CommentSnapshot.key(Kind.TYPE, c.to().schema(), null, c.to().name()));
        } else if (change instanceof Change.CreateType c) {
            made.add(CommentSnapshot.key(Kind.TYPE, c.type().schema(), null, c.type().name()));
        } else if (change instanceof Change.CreateDomain c) {
            domain(c.domain(), made);
        } else if (change instanceof Change.RecreateDomain c) {
            // A new domain: the comments stay with the old one, renamed out of the way.
            domain(c.to(), made);
        } else if (change instanceof Change.AlterDomain c) {
            // A check that changed is dropped and added again.
            DomainSnapshot d = c.to();
            d.checks().forEach((name, expression) -> {
                if (!Objects.equals(c.from().checks().get(name), expression)) {
                    made.add(CommentSnapshot.key(Kind.DOMAIN_CONSTRAINT, d.schema(), d.name(), name));
                }
            });
        } else if (change instanceof Change.CreateSequence c) {
            made.add(CommentSnapshot.key(Kind.SEQUENCE, c.sequence().schema(), null, c.sequence().name()));
        } else if (change instanceof Change.CreateCollation c) {
            made.add(CommentSnapshot.key(Kind.COLLATION, c.collation().schema(), null, c.collation().name()));
        } else if (change instanceof Change.CreateTextSearch c) {
            made.add(CommentSnapshot.key(c.object().isConfiguration() ? Kind.TEXT_SEARCH_CONFIGURATION : Kind.TEXT_SEARCH_DICTIONARY,
                    c.object().schema(), null, c.object().name()));
        } else if (change instanceof Change.CreateTrigger c) {
            made.add(CommentSnapshot.key(Kind.TRIGGER, c.schema(), c.table(), c.trigger().name()));
        } else if (change instanceof Change.CreatePolicy c) {
            made.add(CommentSnapshot.key(Kind.POLICY, c.schema(), c.table(), c.policy().name()));
        }
    }

    /** A domain made (anew) with its checks: neither has a comment yet. */
    private static void domain(DomainSnapshot d, Set<String> made) {
        made.add(CommentSnapshot.key(Kind.DOMAIN, d.schema(), null, d.name()));
        d.checks().keySet().forEach(name -> made.add(CommentSnapshot.key(Kind.DOMAIN_CONSTRAINT, d.schema(), d.name(), name)));
    }

    /** A primary key or unique constraint: the constraint and the index behind it. */
    private static void key(String schema, String table, KeySnapshot key, Set<String> made) {
        made.add(CommentSnapshot.key(Kind.CONSTRAINT, schema, table, key.name()));
        made.add(CommentSnapshot.key(Kind.INDEX, schema, null, key.name()));
    }

    /** Whether {@code change} sets or removes the comment on an index among {@code indexes} ({@code schema.name}). */
    static boolean onIndex(Change change, List<String> indexes) {
        return change instanceof Change.CommentOn c && c.target().kind() == Kind.INDEX
                && indexes.contains(Snapshot.key(c.target().schema(), c.target().name()));
    }
}
