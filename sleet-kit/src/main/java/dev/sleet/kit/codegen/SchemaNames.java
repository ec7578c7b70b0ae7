package dev.sleet.kit.codegen;

import dev.sleet.kit.snapshot.CastSnapshot;
import dev.sleet.kit.snapshot.CollationSnapshot;
import dev.sleet.kit.snapshot.CommentSnapshot;
import dev.sleet.kit.snapshot.DomainSnapshot;
import dev.sleet.kit.snapshot.EnumSnapshot;
import dev.sleet.kit.snapshot.ExtensionSnapshot;
import dev.sleet.kit.snapshot.ForeignServerSnapshot;
import dev.sleet.kit.snapshot.ForeignTableSnapshot;
import dev.sleet.kit.snapshot.TextSearchSnapshot;
import dev.sleet.kit.snapshot.TypeSnapshot;
import dev.sleet.kit.snapshot.ForeignKeySnapshot;
import dev.sleet.kit.snapshot.IndexSnapshot;
import dev.sleet.kit.snapshot.KeySnapshot;
import dev.sleet.kit.snapshot.RoleSnapshot;
import dev.sleet.kit.snapshot.RoutineSnapshot;
import dev.sleet.kit.snapshot.RuleSnapshot;
import dev.sleet.kit.snapshot.SequenceSnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.TableSnapshot;
import dev.sleet.kit.snapshot.ViewSnapshot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Java names of a whole snapshot, decided once and deterministically: one nested class and one
 * constant per table, one field per column, and one per key and index declared as a field. Tables
 * in the default schema are named first, so that a same-named table in another schema is the one
 * that gets its schema as prefix.
 */
final class SchemaNames {

    /** The names of one table's class, its constant and its members. */
    record TableNames(String className, String constant, Map<String, String> columns, String primaryKey,
                      Map<String, String> uniques, Map<String, String> foreignKeys, Map<String, String> indexes,
                      Map<String, String> checks, Map<String, String> policies, Map<String, String> exclusions) {

        String column(String sqlName) {
            return columns.get(sqlName);
        }
    }

    private final Map<String, TableNames> tables = new HashMap<>();
    private final Map<String, String> objectConstants = new HashMap<>();
    private final Map<String, Map<String, String>> triggerFields = new HashMap<>();

    /** Names for the tables of {@code snapshot}, whose keys are declared as {@code layouts} (by table key) says. */
    SchemaNames(Snapshot snapshot, String defaultSchema, Map<String, TableLayout> layouts) {
        List<TableSnapshot> ordered = new ArrayList<>();
        snapshot.tables().values().stream().filter(t -> t.schema().equals(defaultSchema)).forEach(ordered::add);
        snapshot.tables().values().stream().filter(t -> !t.schema().equals(defaultSchema)).forEach(ordered::add);

        JavaNames.Allocator classes = new JavaNames.Allocator(true);
        JavaNames.RESERVED_TYPES.forEach(classes::reserve);
        JavaNames.Allocator constants = new JavaNames.Allocator(false);
        Map<String, String[]> classAndConstant = new HashMap<>();
        for (TableSnapshot table : ordered) {
            boolean qualify = !table.schema().equals(defaultSchema);
            String pascal = JavaNames.pascal(table.name());
            List<String> classCandidates = new ArrayList<>();
            classCandidates.add(pascal);
            if (qualify) {
                classCandidates.add(JavaNames.pascal(table.schema()) + pascal);
            }
            if (!pascal.isEmpty()) {
                classCandidates.add(pascal + "Table");
            }
            String className = classes.allocate(classCandidates, "Table");
            String upper = JavaNames.upperSnake(table.name());
            List<String> constantCandidates = new ArrayList<>();
            constantCandidates.add(upper);
            if (qualify) {
                constantCandidates.add(JavaNames.upperSnake(table.schema() + "_" + table.name()));
            }
            String constant = constants.allocate(constantCandidates, "TABLE");
            classAndConstant.put(table.key(), new String[] {className, constant});
        }

        // Enum types (and other schema objects) take the constants the tables left.
        for (EnumSnapshot type : snapshot.enums().values()) {
            List<String> candidates = new ArrayList<>();
            candidates.add(JavaNames.upperSnake(type.name()));
            if (!type.schema().equals(defaultSchema)) {
                candidates.add(JavaNames.upperSnake(type.schema() + "_" + type.name()));
            }
            candidates.add(JavaNames.upperSnake(type.name() + "_enum"));
            objectConstants.put("enum " + type.key(), constants.allocate(candidates, "ENUM"));
        }
        for (SequenceSnapshot sequence : snapshot.sequences().values()) {
            List<String> candidates = new ArrayList<>();
            candidates.add(JavaNames.upperSnake(sequence.name()));
            if (!sequence.schema().equals(defaultSchema)) {
                candidates.add(JavaNames.upperSnake(sequence.schema() + "_" + sequence.name()));
            }
            candidates.add(JavaNames.upperSnake(sequence.name() + "_sequence"));
            objectConstants.put("sequence " + sequence.key(), constants.allocate(candidates, "SEQUENCE"));
        }
        for (RoleSnapshot role : snapshot.roles().values()) {
            objectConstants.put("role " + role.name(), constants.allocate(
                    List.of(JavaNames.upperSnake(role.name()), JavaNames.upperSnake(role.name() + "_role")), "ROLE"));
        }
        for (ViewSnapshot view : snapshot.views().values()) {
            List<String> candidates = new ArrayList<>();
            candidates.add(JavaNames.upperSnake(view.name()));
            if (!view.schema().equals(defaultSchema)) {
                candidates.add(JavaNames.upperSnake(view.schema() + "_" + view.name()));
            }
            candidates.add(JavaNames.upperSnake(view.name() + "_view"));
            objectConstants.put("view " + view.key(), constants.allocate(candidates, "VIEW"));
        }

        for (ExtensionSnapshot extension : snapshot.extensions().values()) {
            objectConstants.put("extension " + extension.name(), constants.allocate(List.of(JavaNames.upperSnake(extension.name()),
                    JavaNames.upperSnake(extension.name() + "_extension")), "EXTENSION"));
        }
        for (ForeignServerSnapshot server : snapshot.foreignServers().values()) {
            objectConstants.put("foreign server " + server.name(), constants.allocate(List.of(JavaNames.upperSnake(server.name()),
                    JavaNames.upperSnake(server.name() + "_server")), "SERVER"));
        }
        for (ForeignTableSnapshot table : snapshot.foreignTables().values()) {
            objectConstants.put("foreign table " + table.key(), constants.allocate(
                    candidates(table.schema(), table.name(), "foreign", defaultSchema), "FOREIGN_TABLE"));
        }
        for (CollationSnapshot collation : snapshot.collations().values()) {
            objectConstants.put("collation " + collation.key(), constants.allocate(
                    candidates(collation.schema(), collation.name(), "collation", defaultSchema), "COLLATION"));
        }
        for (TextSearchSnapshot object : snapshot.textSearch().values()) {
            objectConstants.put(object.key(), constants.allocate(candidates(object.schema(), object.name(),
                    object.isConfiguration() ? "config" : "dictionary", defaultSchema), object.isConfiguration() ? "CONFIG" : "DICTIONARY"));
        }
        for (DomainSnapshot domain : snapshot.domains().values()) {
            objectConstants.put("domain " + domain.key(), constants.allocate(
                    candidates(domain.schema(), domain.name(), "domain", defaultSchema), "DOMAIN"));
        }
        for (TypeSnapshot type : snapshot.types().values()) {
            objectConstants.put("type " + type.key(), constants.allocate(
                    candidates(type.schema(), type.name(), "type", defaultSchema), "TYPE"));
        }
        for (RoutineSnapshot routine : snapshot.routines().values()) {
            List<String> candidates = new ArrayList<>();
            candidates.add(JavaNames.upperSnake(routine.name()));
            if (!routine.schema().equals(defaultSchema)) {
                candidates.add(JavaNames.upperSnake(routine.schema() + "_" + routine.name()));
            }
            candidates.add(JavaNames.upperSnake(routine.name() + "_" + routine.kind()));
            objectConstants.put("routine " + routine.key(), constants.allocate(candidates, "ROUTINE"));
        }

        for (CastSnapshot cast : snapshot.casts().values()) {
            objectConstants.put("cast " + cast.key(), constants.allocate(List.of(
                    JavaNames.upperSnake(typeWord(cast.source()) + "_as_" + typeWord(cast.target())),
                    JavaNames.upperSnake("cast_" + cast.key())), "CAST"));
        }
        for (RuleSnapshot rule : snapshot.rules().values()) {
            objectConstants.put("rule " + rule.key(), constants.allocate(List.of(JavaNames.upperSnake(rule.name()),
                    JavaNames.upperSnake(rule.table() + "_" + rule.name()), JavaNames.upperSnake(rule.name() + "_rule")), "RULE"));
        }

        for (CommentSnapshot comment : snapshot.comments().values()) {
            List<String> candidates = new ArrayList<>();
            candidates.add(JavaNames.upperSnake(comment.name() + "_comment"));
            if (comment.on() != null) {
                candidates.add(JavaNames.upperSnake(comment.on() + "_" + comment.name() + "_comment"));
            }
            candidates.add(JavaNames.upperSnake(comment.schema() + "_" + (comment.on() == null ? "" : comment.on() + "_")
                    + comment.name() + "_" + comment.kind() + "_comment"));
            objectConstants.put("comment " + comment.key(), constants.allocate(candidates, "COMMENT"));
        }

        // A field named like a constant would hide it from the references() lambdas.
        Set<String> constantNames = new HashSet<>(objectConstants.values());
        classAndConstant.values().forEach(n -> constantNames.add(n[1]));
        for (TableSnapshot table : ordered) {
            String[] names = classAndConstant.get(table.key());
            JavaNames.Allocator fields = new JavaNames.Allocator(false, constantNames);
            Map<String, String> columns = new LinkedHashMap<>();
            table.columns().keySet().forEach(c -> columns.put(c, fields.allocate(List.of(field(c)), "column")));
            TableLayout layout = layouts.get(table.key());
            String primaryKey = layout.tablePrimaryKey()
                    .map(pk -> fields.allocate(List.of("pk", field(pk.name())), "pk")).orElse(null);
            Map<String, String> uniques = new LinkedHashMap<>();
            for (KeySnapshot unique : layout.tableUniques()) {
                uniques.put(unique.name(), fields.allocate(List.of(field(unique.name())), "unique"));
            }
            Map<String, String> foreignKeys = new LinkedHashMap<>();
            for (ForeignKeySnapshot fk : layout.tableForeignKeys()) {
                foreignKeys.put(fk.name(), fields.allocate(List.of(field(fk.name())), "foreignKey"));
            }
            Map<String, String> indexes = new LinkedHashMap<>();
            for (IndexSnapshot index : table.indexes().values()) {
                indexes.put(index.name(), fields.allocate(List.of(field(index.name())), "index"));
            }
            Map<String, String> checks = new LinkedHashMap<>();
            for (String check : table.checkConstraints().keySet()) {
                checks.put(check, fields.allocate(List.of(field(check)), "check"));
            }
            Map<String, String> policies = new LinkedHashMap<>();
            for (String policy : table.policies().keySet()) {
                policies.put(policy, fields.allocate(List.of(field(policy)), "policy"));
            }
            Map<String, String> exclusions = new LinkedHashMap<>();
            for (String exclusion : table.exclusions().keySet()) {
                exclusions.put(exclusion, fields.allocate(List.of(field(exclusion)), "exclusion"));
            }
            tables.put(table.key(), new TableNames(names[0], names[1], columns, primaryKey, uniques, foreignKeys, indexes,
                    checks, policies, exclusions));
            Map<String, String> triggers = new LinkedHashMap<>();
            for (String trigger : table.triggers().keySet()) {
                triggers.put(trigger, fields.allocate(List.of(field(trigger)), "trigger"));
            }
            triggerFields.put(table.key(), triggers);
        }
    }

    TableNames table(String key) {
        return tables.get(key);
    }

    /** The field of trigger {@code name} on the table {@code tableKey}. */
    String triggerField(String tableKey, String name) {
        return triggerFields.get(tableKey).get(name);
    }

    /** The constant of the routine {@code schema.name(arguments)}. */
    String routineConstant(String key) {
        return objectConstants.get("routine " + key);
    }

    /** The constant of the cast {@code source AS target}. */
    String castConstant(String key) {
        return objectConstants.get("cast " + key);
    }

    /** The constant of the rule {@code schema.table.name}. */
    String ruleConstant(String key) {
        return objectConstants.get("rule " + key);
    }

    /** A type's own name, without its schema or quotes: what a cast's constant is named after. */
    private static String typeWord(String type) {
        int dot = type.lastIndexOf("\".\"");
        return (dot < 0 ? type : type.substring(dot + 3)).replace("\"", "").replace("[]", "_array");
    }

    /** The constant of the role. */
    String roleConstant(String name) {
        return objectConstants.get("role " + name);
    }

    /** The constant of the view {@code schema.name}. */
    String viewConstant(String key) {
        return objectConstants.get("view " + key);
    }

    /** The constant of the sequence {@code schema.name}. */
    String sequenceConstant(String key) {
        return objectConstants.get("sequence " + key);
    }

    /**
     * The constant of an object of issue 11's kinds: {@code extension name}, {@code collation schema.name},
     * {@code domain schema.name}, or a text search object's key; null when the snapshot has none.
     */
    String objectConstant(String kindAndKey) {
        return objectConstants.get(kindAndKey);
    }

    private static List<String> candidates(String schema, String name, String suffix, String defaultSchema) {
        List<String> candidates = new ArrayList<>();
        candidates.add(JavaNames.upperSnake(name));
        if (!schema.equals(defaultSchema)) {
            candidates.add(JavaNames.upperSnake(schema + "_" + name));
        }
        candidates.add(JavaNames.upperSnake(name + "_" + suffix));
        return candidates;
    }

    /** The constant of the enum type {@code schema.name}, or null when the snapshot has no such type. */
    String enumConstant(String key) {
        return objectConstants.get("enum " + key);
    }

    /** A field name for an SQL name: camelCase, with keywords suffixed by an underscore. */
    static String field(String sqlName) {
        String camel = JavaNames.camel(sqlName);
        return JavaNames.KEYWORDS.contains(camel) ? camel + "_" : camel;
    }

    /** The SQL name with a trailing {@code _id} or {@code Id} removed, when something remains. */
    static String withoutIdSuffix(String sqlName) {
        int n = sqlName.length();
        if (n > 3 && sqlName.substring(n - 3).equalsIgnoreCase("_id")) {
            return sqlName.substring(0, n - 3);
        }
        if (n > 2 && (sqlName.endsWith("Id") || sqlName.endsWith("ID")) && Character.isLowerCase(sqlName.charAt(n - 3))) {
            return sqlName.substring(0, n - 2);
        }
        return sqlName;
    }
}
