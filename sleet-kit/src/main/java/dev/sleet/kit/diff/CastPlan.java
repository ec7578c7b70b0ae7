package dev.sleet.kit.diff;

import dev.sleet.kit.snapshot.CastSnapshot;
import dev.sleet.kit.snapshot.RoutineSnapshot;
import dev.sleet.kit.snapshot.Snapshot;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Casts in the plan. A cast stands on its two types and its function, so it is created after them
 * (among the objects made before the tables, or right after the views when its function or type
 * needs a relation, or is a relation's row type) and dropped before them: early, with the
 * triggers, before any view, routine, type or table goes. A cast that changed in anything but its
 * comment is dropped and created again, and so is one whose function or type is dropped (to go, or
 * to be made again): PostgreSQL drops neither while a cast uses it.
 */
final class CastPlan {

    private CastPlan() {}

    /** Runs once routines, views and types are planned, and routines are placed ({@link ObjectsPlan#interleaveRoutines}). */
    static void plan(Differ.Plan plan, Snapshot from, Snapshot to) {
        List<Change> goingRoutines = Stream.concat(plan.dropRoutines.stream(), plan.dropRoutinesLate.stream()).toList();
        List<Change> goingTypes = Stream.of(plan.createDomains, plan.dropDomains, plan.dropTypesOnRelations, plan.dropEnums,
                plan.recreateEnums).flatMap(List::stream).filter(c -> c instanceof Change.DropDomain || c instanceof Change.DropType
                        || c instanceof Change.DropEnum || c instanceof Change.DropRetiredEnum || c instanceof Change.RecreateEnum
                        || c instanceof Change.RecreateDomain)
                .toList();
        for (CastSnapshot old : from.casts().values()) {
            CastSnapshot now = to.casts().get(old.key());
            boolean remade = now != null && (!old.sameCastAs(now) || usesAny(old, goingRoutines) || usesAny(old, goingTypes)
                    || from.tables().values().stream().anyMatch(t -> !to.tables().containsKey(t.key()) && old.usesType(t.schema(), t.name()))
                    || plan.dropViews.stream().map(c -> ((Change.DropView) c).view()).anyMatch(v -> old.usesType(v.schema(), v.name())));
            if (now == null || remade) {
                plan.dropCasts.add(new Change.DropCast(old));
            } else if (!Objects.equals(old.comment(), now.comment())) {
                plan.comments.add(new Change.CommentCast(now, now.comment()));
            }
        }
        for (CastSnapshot now : to.casts().values()) {
            CastSnapshot old = from.casts().get(now.key());
            boolean made = old == null || plan.dropCasts.stream().anyMatch(c -> ((Change.DropCast) c).cast().key().equals(now.key()));
            if (!made) {
                continue;
            }
            // A relation's row type exists once the relation does: such a cast comes after the views too.
            boolean late = usesAny(now, plan.createViews)
                    || to.tables().values().stream().anyMatch(t -> now.usesType(t.schema(), t.name()))
                    || to.views().values().stream().anyMatch(v -> now.usesType(v.schema(), v.name()));
            (late ? plan.castsOnRelations : plan.createCasts).add(new Change.CreateCast(now));
            if (now.comment() != null) {
                plan.comments.add(new Change.CommentCast(now, now.comment()));
            }
        }
    }

    /** Whether the cast uses a routine or type that one of {@code changes} creates, replaces or drops. */
    private static boolean usesAny(CastSnapshot cast, List<Change> changes) {
        for (Change change : changes) {
            RoutineSnapshot routine = change instanceof Change.CreateRoutine c ? c.routine()
                    : change instanceof Change.ReplaceRoutine r ? r.to()
                    : change instanceof Change.DropRoutine d ? d.routine() : null;
            if (routine != null && cast.usesFunction(routine.schema(), routine.name())) {
                return true;
            }
            TypeName type = typeOf(change);
            if (type != null && cast.usesType(type.schema(), type.name())) {
                return true;
            }
        }
        return false;
    }

    private record TypeName(String schema, String name) {}

    /** The schema and name of the type (domain, enum, composite or range) a change makes or drops, else null. */
    private static TypeName typeOf(Change change) {
        if (change instanceof Change.CreateDomain c) {
            return new TypeName(c.domain().schema(), c.domain().name());
        }
        if (change instanceof Change.DropDomain c) {
            return new TypeName(c.domain().schema(), c.domain().name());
        }
        if (change instanceof Change.CreateType c) {
            return new TypeName(c.type().schema(), c.type().name());
        }
        if (change instanceof Change.DropType c) {
            return new TypeName(c.type().schema(), c.type().name());
        }
        if (change instanceof Change.DropEnum c) {
            return new TypeName(c.type().schema(), c.type().name());
        }
        if (change instanceof Change.DropRetiredEnum c) {
            return new TypeName(c.from().schema(), c.from().name());
        }
        if (change instanceof Change.RecreateDomain c) {
            return new TypeName(c.from().schema(), c.from().name());
        }
        return change instanceof Change.RecreateEnum c ? new TypeName(c.from().schema(), c.from().name()) : null;
    }
}
