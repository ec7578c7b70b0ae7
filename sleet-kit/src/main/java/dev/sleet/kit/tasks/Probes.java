package dev.sleet.kit.tasks;

import dev.sleet.kit.diff.Change;
import dev.sleet.kit.snapshot.RoutineSnapshot;
import dev.sleet.migrate.Probe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a pulled migration makes exist or not exist, so that the migrator can tell the database it
 * was pulled from (everything already there: record it) from an empty one (nothing there: run it).
 * Changes to an object's attributes (a column's type, a key dropped and added again with other
 * actions) get no probe: running them again is harmless.
 */
final class Probes {

    private Probes() {}

    static List<Probe> of(List<Change> changes) {
        Map<String, Probe> probes = new LinkedHashMap<>();
        List<String> reshaped = new ArrayList<>();
        InitialNames initial = new InitialNames(changes);
        for (Change change : changes) {
            for (Probe found : probes(change)) {
                Probe probe = found.present() ? found : Probe.absent(found.kind(), initial.of(found.kind(), found.name()));
                String key = probe.kind() + " " + probe.name();
                Probe earlier = probes.put(key, probe);
                if (earlier != null && earlier.present() != probe.present()) {
                    reshaped.add(key);
                }
            }
        }
        reshaped.forEach(probes::remove);
        return new ArrayList<>(probes.values());
    }

    /** A rename makes the new name exist and the old one not: both tell the states apart. */
    private static List<Probe> probes(Change change) {
        if (change instanceof Change.RenameSchema c) {
            return renamed(Probe.Kind.SCHEMA, c.from(), c.to());
        }
        if (change instanceof Change.RenameTable c) {
            return renamed(Probe.Kind.TABLE, c.schema() + "." + c.from(), c.schema() + "." + c.to());
        }
        if (change instanceof Change.RenameColumn c) {
            String table = c.schema() + "." + c.table() + ".";
            return renamed(Probe.Kind.COLUMN, table + c.from(), table + c.to());
        }
        if (change instanceof Change.RenameEnum c) {
            return renamed(Probe.Kind.TYPE, c.schema() + "." + c.from(), c.schema() + "." + c.to());
        }
        if (change instanceof Change.RenameSequence c) {
            return renamed(Probe.Kind.SEQUENCE, c.schema() + "." + c.from(), c.schema() + "." + c.to());
        }
        if (change instanceof Change.RenameView c) {
            return renamed(Probe.Kind.VIEW, c.schema() + "." + c.from(), c.schema() + "." + c.to());
        }
        Probe probe = probe(change);
        return probe == null ? List.of() : List.of(probe);
    }

    private static List<Probe> renamed(Probe.Kind kind, String from, String to) {
        return List.of(Probe.absent(kind, from), Probe.exists(kind, to));
    }

    /**
     * Changes name objects as they are called once the renames before them ran (renames come first
     * in a migration). A probe that something exists is checked by its final name, and one that
     * something is gone by the name it had before the migration: on a database the migration has not
     * reached, a name made up of a renamed schema or table would be trivially missing and match.
     */
    private static final class InitialNames {

        /** Per kind: a name after this migration's renames to the name before them, schema left as it was then. */
        private final Map<Probe.Kind, Map<String, String>> renamed = new java.util.EnumMap<>(Probe.Kind.class);

        InitialNames(List<Change> changes) {
            for (Change change : changes) {
                if (change instanceof Change.RenameSchema c) {
                    put(Probe.Kind.SCHEMA, c.to(), c.from());
                } else if (change instanceof Change.RenameTable c) {
                    put(Probe.Kind.TABLE, c.schema() + "." + c.to(), c.schema() + "." + c.from());
                } else if (change instanceof Change.RenameColumn c) {
                    String table = c.schema() + "." + c.table() + ".";
                    put(Probe.Kind.COLUMN, table + c.to(), table + c.from());
                } else if (change instanceof Change.RenameEnum c) {
                    put(Probe.Kind.TYPE, c.schema() + "." + c.to(), c.schema() + "." + c.from());
                } else if (change instanceof Change.RenameSequence c) {
                    put(Probe.Kind.SEQUENCE, c.schema() + "." + c.to(), c.schema() + "." + c.from());
                } else if (change instanceof Change.RenameView c) {
                    put(Probe.Kind.VIEW, c.schema() + "." + c.to(), c.schema() + "." + c.from());
                }
            }
        }

        private void put(Probe.Kind kind, String after, String before) {
            renamed.computeIfAbsent(kind, k -> new java.util.HashMap<>()).put(after, before);
        }

        private String undo(Probe.Kind kind, String name) {
            return renamed.getOrDefault(kind, Map.of()).getOrDefault(name, name);
        }

        String of(Probe.Kind kind, String name) {
            if (kind == Probe.Kind.ROLE) {
                return name;
            }
            if (kind == Probe.Kind.SCHEMA) {
                return undo(kind, name);
            }
            if (kind == Probe.Kind.COLUMN || kind == Probe.Kind.CONSTRAINT || kind == Probe.Kind.POLICY
                    || kind == Probe.Kind.TRIGGER) {
                String member = kind == Probe.Kind.COLUMN ? undo(kind, name) : name;
                int dot = member.lastIndexOf('.');
                return of(Probe.Kind.TABLE, member.substring(0, dot)) + member.substring(dot);
            }
            String object = undo(kind, name);
            int dot = object.indexOf('.');
            return undo(Probe.Kind.SCHEMA, object.substring(0, dot)) + object.substring(dot);
        }
    }

    private static Probe probe(Change change) {
        if (change instanceof Change.CreateTable c) {
            return Probe.exists(Probe.Kind.TABLE, c.subject());
        }
        if (change instanceof Change.DropTable c) {
            return Probe.absent(Probe.Kind.TABLE, c.subject());
        }
        // A foreign table is a relation as a table is: the table probe finds it.
        if (change instanceof Change.CreateForeignTable c) {
            return Probe.exists(Probe.Kind.TABLE, c.subject());
        }
        if (change instanceof Change.DropForeignTable c) {
            return Probe.absent(Probe.Kind.TABLE, c.subject());
        }
        if (change instanceof Change.AddColumn c) {
            return Probe.exists(Probe.Kind.COLUMN, c.subject());
        }
        if (change instanceof Change.DropColumn c) {
            return Probe.absent(Probe.Kind.COLUMN, c.subject());
        }
        if (change instanceof Change.CreateIndex c) {
            return Probe.exists(Probe.Kind.INDEX, c.subject());
        }
        if (change instanceof Change.DropIndex c) {
            return Probe.absent(Probe.Kind.INDEX, c.subject());
        }
        if (change instanceof Change.CreateSequence c) {
            return Probe.exists(Probe.Kind.SEQUENCE, c.subject());
        }
        if (change instanceof Change.DropSequence c) {
            return Probe.absent(Probe.Kind.SEQUENCE, c.subject());
        }
        if (change instanceof Change.CreatePolicy c) {
            return Probe.exists(Probe.Kind.POLICY, c.subject());
        }
        if (change instanceof Change.DropPolicy c) {
            return Probe.absent(Probe.Kind.POLICY, c.subject());
        }
        if (change instanceof Change.CreateRole c) {
            return Probe.exists(Probe.Kind.ROLE, c.subject());
        }
        if (change instanceof Change.DropRole c) {
            return Probe.absent(Probe.Kind.ROLE, c.subject());
        }
        if (change instanceof Change.CreateView c) {
            return Probe.exists(Probe.Kind.VIEW, c.subject());
        }
        if (change instanceof Change.DropView c) {
            return Probe.absent(Probe.Kind.VIEW, c.subject());
        }
        if (change instanceof Change.CreateEnum c) {
            return Probe.exists(Probe.Kind.TYPE, c.subject());
        }
        if (change instanceof Change.DropEnum c) {
            return Probe.absent(Probe.Kind.TYPE, c.subject());
        }
        if (change instanceof Change.CreateDomain c) {
            return Probe.exists(Probe.Kind.TYPE, c.subject());
        }
        if (change instanceof Change.DropDomain c) {
            return Probe.absent(Probe.Kind.TYPE, c.subject());
        }
        if (change instanceof Change.CreateType c) {
            return Probe.exists(Probe.Kind.TYPE, c.subject());
        }
        if (change instanceof Change.DropType c) {
            return Probe.absent(Probe.Kind.TYPE, c.subject());
        }
        if (change instanceof Change.CreateCollation c) {
            return Probe.exists(Probe.Kind.COLLATION, c.subject());
        }
        if (change instanceof Change.DropCollation c) {
            return Probe.absent(Probe.Kind.COLLATION, c.subject());
        }
        if (change instanceof Change.CreateTextSearch c) {
            return Probe.exists(c.object().isConfiguration() ? Probe.Kind.TEXT_SEARCH_CONFIGURATION
                    : Probe.Kind.TEXT_SEARCH_DICTIONARY, c.subject());
        }
        if (change instanceof Change.DropTextSearch c) {
            return Probe.absent(c.object().isConfiguration() ? Probe.Kind.TEXT_SEARCH_CONFIGURATION
                    : Probe.Kind.TEXT_SEARCH_DICTIONARY, c.subject());
        }
        if (change instanceof Change.CreateRoutine c) {
            return Probe.exists(Probe.Kind.ROUTINE, routineProbe(c.routine()));
        }
        if (change instanceof Change.DropRoutine c) {
            return Probe.absent(Probe.Kind.ROUTINE, routineProbe(c.routine()));
        }
        if (change instanceof Change.CreateTrigger c) {
            return Probe.exists(Probe.Kind.TRIGGER, c.subject());
        }
        if (change instanceof Change.DropTrigger c) {
            return Probe.absent(Probe.Kind.TRIGGER, c.subject());
        }
        if (change instanceof Change.AddForeignKey || change instanceof Change.AddUnique || change instanceof Change.AddCheck
                || change instanceof Change.AddPrimaryKey || change instanceof Change.AddExclusion) {
            return Probe.exists(Probe.Kind.CONSTRAINT, change.subject());
        }
        if (change instanceof Change.DropForeignKey || change instanceof Change.DropUnique || change instanceof Change.DropCheck
                || change instanceof Change.DropPrimaryKey || change instanceof Change.DropExclusion) {
            return Probe.absent(Probe.Kind.CONSTRAINT, change.subject());
        }
        return null;
    }

    /** A routine as its probe names it: by the arguments as the catalog prints them, defaults and all. */
    private static String routineProbe(RoutineSnapshot routine) {
        return routine.schema() + "." + routine.name() + "(" + routine.arguments() + ")";
    }
}
