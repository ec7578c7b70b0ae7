package dev.sleet.kit.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.upgrade.SnapshotUpgrade;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Format 0 → 1: a drizzle-kit (0.31, snapshot version "7") PostgreSQL snapshot into Sleet's form.
 * Serial types become integer columns with {@code serial}, inline primary keys get PostgreSQL's
 * default name, types and literal defaults take Sleet's normal form, foreign keys are qualified.
 * What Sleet cannot represent yet (enums, sequences, views, policies, check constraints, expression
 * indexes, identity and generated columns) is left out and named in a warning.
 */
public final class DrizzleKitSnapshotUpgrade implements SnapshotUpgrade {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Override
    public int from() {
        return 0;
    }

    @Override
    public String describe() {
        return "drizzle-kit snapshot -> Sleet format 1";
    }

    @Override
    public ObjectNode apply(ObjectNode in, List<String> warnings) {
        ObjectNode out = JSON.objectNode();
        out.put("version", 1);
        out.put("dialect", text(in, "dialect", "postgresql"));
        out.put("id", text(in, "id", Snapshot.NO_PARENT));
        out.put("prevId", text(in, "prevId", ""));
        TreeSet<String> schemas = new TreeSet<>();
        TreeMap<String, ObjectNode> tables = new TreeMap<>();
        for (Iterator<JsonNode> it = elements(in.get("tables")); it.hasNext(); ) {
            ObjectNode table = table(it.next(), warnings);
            String schema = table.get("schema").asText();
            if (!schema.equals("public")) {
                schemas.add(schema);
            }
            tables.put(schema + "." + table.get("name").asText(), table);
        }
        ArrayNode schemaArray = out.putArray("schemas");
        schemas.forEach(schemaArray::add);
        ObjectNode tableObject = out.putObject("tables");
        tables.forEach(tableObject::set);
        for (String kind : List.of("enums", "sequences", "views", "roles", "policies")) {
            JsonNode node = in.get(kind);
            if (node != null && node.size() > 0) {
                List<String> names = new ArrayList<>();
                node.fieldNames().forEachRemaining(names::add);
                warnings.add(kind + " are not carried over yet (Sleet cannot represent them): " + String.join(", ", names));
            }
        }
        JsonNode declaredSchemas = in.get("schemas");
        if (declaredSchemas != null) {
            declaredSchemas.fieldNames().forEachRemaining(name -> {
                if (!schemas.contains(name) && !name.equals("public")) {
                    warnings.add("schema " + name + " holds no table; Sleet snapshots only list schemas with tables");
                }
            });
        }
        return out;
    }

    private static ObjectNode table(JsonNode in, List<String> warnings) {
        String name = text(in, "name", "");
        String schema = text(in, "schema", "");
        if (schema.isEmpty()) {
            schema = "public";
        }
        String key = schema + "." + name;
        ObjectNode out = JSON.objectNode();
        out.put("schema", schema);
        out.put("name", name);
        ObjectNode columns = out.putObject("columns");
        List<String> inlinePrimaryKey = new ArrayList<>();
        Map<String, ObjectNode> uniques = new TreeMap<>();
        for (Iterator<JsonNode> it = elements(in.get("columns")); it.hasNext(); ) {
            JsonNode column = it.next();
            String columnName = text(column, "name", "");
            String type = text(column, "type", "");
            boolean serial = false;
            switch (type) {
                case "serial" -> { type = "integer"; serial = true; }
                case "bigserial" -> { type = "bigint"; serial = true; }
                case "smallserial" -> { type = "smallint"; serial = true; }
                default -> type = PostgresTypes.canonical(type.replaceAll("\\s*,\\s*", ",").replaceAll("\\s+\\(", "("));
            }
            if (column.hasNonNull("typeSchema")) {
                warnings.add("column " + key + "." + columnName + " has the user-defined type " + column.get("typeSchema").asText()
                        + "." + type + ", which Sleet cannot represent yet; kept as " + type);
            }
            boolean primaryKey = column.path("primaryKey").asBoolean(false);
            if (primaryKey) {
                inlinePrimaryKey.add(columnName);
            }
            ObjectNode c = JSON.objectNode();
            c.put("name", columnName);
            c.put("type", type);
            c.put("serial", serial);
            c.put("notNull", column.path("notNull").asBoolean(false) || primaryKey || serial);
            JsonNode defaultValue = column.get("default");
            if (defaultValue != null && !defaultValue.isNull() && !serial) {
                c.put("defaultValue", defaultExpression(defaultValue, type));
            }
            if (column.hasNonNull("identity")) {
                warnings.add("column " + key + "." + columnName + " is an identity column, which Sleet cannot represent yet");
            }
            if (column.hasNonNull("generated")) {
                warnings.add("column " + key + "." + columnName + " is a generated column, which Sleet cannot represent yet");
            }
            columns.set(columnName, c);
            if (column.path("isUnique").asBoolean(false)) {
                String uniqueName = column.hasNonNull("uniqueName") ? column.get("uniqueName").asText()
                        : PostgresNames.defaultName(name, List.of(columnName), "key");
                uniques.put(uniqueName, key(uniqueName, List.of(columnName)));
            }
        }
        ObjectNode primaryKeyNode = null;
        if (!inlinePrimaryKey.isEmpty()) {
            primaryKeyNode = key(PostgresNames.defaultName(name, inlinePrimaryKey, "pkey"), inlinePrimaryKey);
        }
        for (Iterator<JsonNode> it = elements(in.get("compositePrimaryKeys")); it.hasNext(); ) {
            JsonNode pk = it.next();
            List<String> cols = strings(pk.get("columns"));
            primaryKeyNode = key(pk.hasNonNull("name") ? pk.get("name").asText() : PostgresNames.defaultName(name, cols, "pkey"), cols);
        }
        if (primaryKeyNode != null) {
            out.set("primaryKey", primaryKeyNode);
        }
        for (Iterator<JsonNode> it = elements(in.get("uniqueConstraints")); it.hasNext(); ) {
            JsonNode unique = it.next();
            String uniqueName = text(unique, "name", "");
            uniques.put(uniqueName, key(uniqueName, strings(unique.get("columns"))));
            if (unique.path("nullsNotDistinct").asBoolean(false)) {
                warnings.add("unique constraint " + key + "." + uniqueName + " is NULLS NOT DISTINCT, which Sleet cannot represent yet");
            }
        }
        ObjectNode uniqueObject = out.putObject("uniqueConstraints");
        uniques.forEach(uniqueObject::set);
        Map<String, ObjectNode> foreignKeys = new TreeMap<>();
        for (Iterator<JsonNode> it = elements(in.get("foreignKeys")); it.hasNext(); ) {
            JsonNode fk = it.next();
            String fkName = text(fk, "name", "");
            ObjectNode f = JSON.objectNode();
            f.put("name", fkName);
            f.set("columns", array(strings(fk.get("columnsFrom"))));
            String schemaTo = text(fk, "schemaTo", "");
            f.put("referencedSchema", schemaTo.isEmpty() ? "public" : schemaTo);
            f.put("referencedTable", text(fk, "tableTo", ""));
            f.set("referencedColumns", array(strings(fk.get("columnsTo"))));
            f.put("onDelete", text(fk, "onDelete", "no action").toLowerCase());
            f.put("onUpdate", text(fk, "onUpdate", "no action").toLowerCase());
            foreignKeys.put(fkName, f);
        }
        ObjectNode fkObject = out.putObject("foreignKeys");
        foreignKeys.forEach(fkObject::set);
        Map<String, ObjectNode> indexes = new TreeMap<>();
        for (Iterator<JsonNode> it = elements(in.get("indexes")); it.hasNext(); ) {
            JsonNode index = it.next();
            String indexName = text(index, "name", "");
            List<String> cols = new ArrayList<>();
            boolean plain = !index.hasNonNull("where") || index.get("where").asText().isEmpty();
            for (JsonNode column : index.path("columns")) {
                boolean asc = column.path("asc").asBoolean(true);
                String nulls = column.path("nulls").asText(asc ? "last" : "first");
                plain &= !column.path("isExpression").asBoolean(false) && asc && nulls.equals("last")
                        && !column.hasNonNull("opclass");
                cols.add(column.path("expression").asText());
            }
            if (!plain || cols.isEmpty()) {
                warnings.add("index " + schema + "." + indexName + " uses expressions, sort order, operator classes or a WHERE clause, "
                        + "which Sleet cannot represent yet; left out");
                continue;
            }
            ObjectNode ix = JSON.objectNode();
            ix.put("name", indexName);
            ix.set("columns", array(cols));
            ix.put("unique", index.path("isUnique").asBoolean(false));
            ix.put("method", text(index, "method", "btree"));
            indexes.put(indexName, ix);
        }
        ObjectNode indexObject = out.putObject("indexes");
        indexes.forEach(indexObject::set);
        if (in.path("checkConstraints").size() > 0) {
            warnings.add("check constraints of " + key + " are not carried over yet (Sleet cannot represent them)");
        }
        if (in.path("policies").size() > 0 || in.path("isRLSEnabled").asBoolean(false)) {
            warnings.add("row-level security of " + key + " is not carried over yet (Sleet cannot represent it)");
        }
        return out;
    }

    /** drizzle-kit keeps defaults as written in code ({@code 'x'}, {@code 0}, {@code now()}); Sleet as the catalog prints them. */
    static String defaultExpression(JsonNode value, String type) {
        if (value.isBoolean()) {
            return PostgresLiterals.literal(value.asBoolean(), type);
        }
        if (value.isIntegralNumber()) {
            return PostgresLiterals.literal(value.asLong(), type);
        }
        if (value.isNumber()) {
            return PostgresLiterals.literal(new BigDecimal(value.asText()), type);
        }
        String text = value.asText().trim();
        if (text.length() >= 2 && text.startsWith("'") && text.endsWith("'") && !text.substring(1, text.length() - 1).matches(".*[^']'[^'].*")) {
            return PostgresLiterals.literal(text.substring(1, text.length() - 1).replace("''", "'"), type);
        }
        if (text.matches("-?\\d+")) {
            return PostgresLiterals.literal(Long.parseLong(text), type);
        }
        if (text.equals("true") || text.equals("false")) {
            return text;
        }
        return text;
    }

    private static ObjectNode key(String name, List<String> columns) {
        ObjectNode key = JSON.objectNode();
        key.put("name", name);
        key.set("columns", array(columns));
        return key;
    }

    private static ArrayNode array(List<String> values) {
        ArrayNode array = JSON.arrayNode();
        values.forEach(array::add);
        return array;
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node != null) {
            node.forEach(v -> values.add(v.asText()));
        }
        return values;
    }

    private static Iterator<JsonNode> elements(JsonNode node) {
        return node == null ? List.<JsonNode>of().iterator() : node.elements();
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? fallback : value.asText();
    }
}
