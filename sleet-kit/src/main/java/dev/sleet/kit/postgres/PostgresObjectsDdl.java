package dev.sleet.kit.postgres;

import dev.sleet.kit.diff.Change;
import dev.sleet.kit.snapshot.CollationSnapshot;
import dev.sleet.kit.snapshot.CommentSnapshot;
import dev.sleet.kit.snapshot.DomainSnapshot;
import dev.sleet.kit.snapshot.TypeSnapshot;
import dev.sleet.kit.snapshot.TextSearchSnapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static dev.sleet.kit.postgres.PostgresNames.quote;

/**
 * DDL for extensions, collations, domains and text search objects. Names of objects are always
 * qualified and quoted; names a text search snapshot keeps as PostgreSQL prints them (parsers,
 * templates, dictionaries) are written as they are.
 */
final class PostgresObjectsDdl {

    private PostgresObjectsDdl() {}

    /** What follows {@code COMMENT ON} for the object {@code target} names. */
    private static String commentTarget(CommentSnapshot target) {
        String name = name(target.schema(), target.name());
        return switch (target.kind()) {
            case SCHEMA -> "SCHEMA " + quote(target.name());
            case INDEX -> "INDEX " + name;
            case TYPE -> "TYPE " + name;
            case DOMAIN -> "DOMAIN " + name;
            case SEQUENCE -> "SEQUENCE " + name;
            case COLLATION -> "COLLATION " + name;
            case TEXT_SEARCH_CONFIGURATION -> "TEXT SEARCH CONFIGURATION " + name;
            case TEXT_SEARCH_DICTIONARY -> "TEXT SEARCH DICTIONARY " + name;
            case TRIGGER -> "TRIGGER " + quote(target.name()) + " ON " + name(target.schema(), target.on());
            case CONSTRAINT -> "CONSTRAINT " + quote(target.name()) + " ON " + name(target.schema(), target.on());
            case DOMAIN_CONSTRAINT -> "CONSTRAINT " + quote(target.name()) + " ON DOMAIN " + name(target.schema(), target.on());
            case POLICY -> "POLICY " + quote(target.name()) + " ON " + name(target.schema(), target.on());
        };
    }

    /** The statements for {@code change}, or null when it is not about one of these objects. */
    static List<String> sql(Change change) {
        if (change instanceof Change.CommentOn c) {
            return List.of("COMMENT ON " + commentTarget(c.target()) + " IS "
                    + (c.comment() == null ? "NULL" : PostgresNames.stringLiteral(c.comment())) + ";");
        }
        if (change instanceof Change.CreateExtension c) {
            // No version: a database gets what its server offers, as pg_dump writes it.
            return List.of("CREATE EXTENSION IF NOT EXISTS " + quote(c.extension().name()) + " WITH SCHEMA "
                    + quote(c.extension().schema()) + ";");
        }
        if (change instanceof Change.DropExtension c) {
            return List.of("DROP EXTENSION " + quote(c.extension().name()) + ";");
        }
        if (change instanceof Change.AlterExtensionSchema c) {
            return List.of("ALTER EXTENSION " + quote(c.to().name()) + " SET SCHEMA " + quote(c.to().schema()) + ";");
        }
        if (change instanceof Change.CreateCollation c) {
            return List.of(createCollation(c.collation()));
        }
        if (change instanceof Change.DropCollation c) {
            return List.of("DROP COLLATION " + name(c.collation().schema(), c.collation().name()) + ";");
        }
        if (change instanceof Change.CreateDomain c) {
            return List.of(createDomain(c.domain()));
        }
        if (change instanceof Change.DropDomain c) {
            return List.of("DROP DOMAIN " + name(c.domain().schema(), c.domain().name()) + ";");
        }
        if (change instanceof Change.AlterDomain c) {
            return alterDomain(c.from(), c.to());
        }
        if (change instanceof Change.RecreateDomain c) {
            return List.of("ALTER DOMAIN " + name(c.from().schema(), c.from().name()) + " RENAME TO "
                    + quote(c.retired()) + ";", createDomain(c.to()));
        }
        if (change instanceof Change.DropRetiredDomain c) {
            return List.of("DROP DOMAIN " + name(c.from().schema(), c.retired()) + ";");
        }
        if (change instanceof Change.CreateTextSearch c) {
            return createTextSearch(c.object());
        }
        if (change instanceof Change.DropTextSearch c) {
            return List.of("DROP TEXT SEARCH " + c.object().kind().toUpperCase(java.util.Locale.ROOT) + " "
                    + name(c.object().schema(), c.object().name()) + ";");
        }
        if (change instanceof Change.AlterTextSearchMappings c) {
            return alterMappings(c.from(), c.to());
        }
        if (change instanceof Change.CreateType c) {
            return List.of(createType(c.type()));
        }
        if (change instanceof Change.DropType c) {
            return List.of("DROP TYPE " + name(c.type().schema(), c.type().name()) + ";");
        }
        return null;
    }

    /** {@code COLLATE "name"} (a collation of pg_catalog) or {@code COLLATE "schema"."name"}, or nothing. */
    static String collate(String collation, String collationSchema) {
        if (collation == null) {
            return "";
        }
        return " COLLATE " + (collationSchema == null ? quote(collation) : name(collationSchema, collation));
    }

    private static String name(String schema, String name) {
        return quote(schema) + "." + quote(name);
    }

    private static String createCollation(CollationSnapshot c) {
        String options = c.provider().equals("icu")
                ? "provider = icu, locale = " + PostgresNames.stringLiteral(c.lcCollate())
                : "provider = libc, lc_collate = " + PostgresNames.stringLiteral(c.lcCollate()) + ", lc_ctype = "
                        + PostgresNames.stringLiteral(c.lcCtype());
        return "CREATE COLLATION " + name(c.schema(), c.name()) + " (" + options
                + (c.deterministic() ? "" : ", deterministic = false") + ");";
    }

    private static String baseType(DomainSnapshot d) {
        if (d.baseTypeSchema() == null) {
            return d.baseType();
        }
        boolean array = d.baseType().endsWith("[]");
        String element = array ? d.baseType().substring(0, d.baseType().length() - 2) : d.baseType();
        return name(d.baseTypeSchema(), element) + (array ? "[]" : "");
    }

    private static String createType(TypeSnapshot t) {
        StringBuilder sql = new StringBuilder("CREATE TYPE ").append(name(t.schema(), t.name())).append(" AS ");
        if (!t.isRange()) {
            List<String> attributes = new java.util.ArrayList<>();
            for (TypeSnapshot.Attribute a : t.attributes()) {
                attributes.add(quote(a.name()) + " " + a.type() + (a.collation() == null ? "" : " COLLATE " + a.collation()));
            }
            return sql.append("(").append(String.join(", ", attributes)).append(");").toString();
        }
        sql.append("RANGE (subtype = ").append(t.subtype());
        if (t.subtypeOpclass() != null) {
            sql.append(", subtype_opclass = ").append(t.subtypeOpclass());
        }
        if (t.collation() != null) {
            sql.append(", collation = ").append(t.collation());
        }
        if (t.canonical() != null) {
            sql.append(", canonical = ").append(t.canonical());
        }
        if (t.subtypeDiff() != null) {
            sql.append(", subtype_diff = ").append(t.subtypeDiff());
        }
        if (t.multirange() != null) {
            sql.append(", multirange_type_name = ").append(t.multirange());
        }
        return sql.append(");").toString();
    }

    private static String createDomain(DomainSnapshot d) {
        StringBuilder sql = new StringBuilder("CREATE DOMAIN ").append(name(d.schema(), d.name())).append(" AS ")
                .append(baseType(d)).append(collate(d.collation(), d.collationSchema()));
        if (d.defaultValue() != null) {
            sql.append(" DEFAULT ").append(d.defaultValue());
        }
        if (d.notNull()) {
            sql.append(" NOT NULL");
        }
        d.checks().forEach((check, expression) -> sql.append(" CONSTRAINT ").append(quote(check)).append(" CHECK (")
                .append(expression).append(")"));
        return sql.append(";").toString();
    }

    private static List<String> alterDomain(DomainSnapshot from, DomainSnapshot to) {
        String prefix = "ALTER DOMAIN " + name(to.schema(), to.name()) + " ";
        List<String> statements = new ArrayList<>();
        for (Map.Entry<String, String> check : from.checks().entrySet()) {
            if (!check.getValue().equals(to.checks().get(check.getKey()))) {
                statements.add(prefix + "DROP CONSTRAINT " + quote(check.getKey()) + ";");
            }
        }
        if (!Objects.equals(from.defaultValue(), to.defaultValue())) {
            statements.add(prefix + (to.defaultValue() == null ? "DROP DEFAULT;" : "SET DEFAULT " + to.defaultValue() + ";"));
        }
        if (from.notNull() != to.notNull()) {
            statements.add(prefix + (to.notNull() ? "SET NOT NULL;" : "DROP NOT NULL;"));
        }
        for (Map.Entry<String, String> check : to.checks().entrySet()) {
            if (!check.getValue().equals(from.checks().get(check.getKey()))) {
                statements.add(prefix + "ADD CONSTRAINT " + quote(check.getKey()) + " CHECK (" + check.getValue() + ");");
            }
        }
        return statements;
    }

    private static List<String> createTextSearch(TextSearchSnapshot t) {
        String qualified = name(t.schema(), t.name());
        if (!t.isConfiguration()) {
            return List.of("CREATE TEXT SEARCH DICTIONARY " + qualified + " (TEMPLATE = " + t.template()
                    + (t.options() == null ? "" : ", " + t.options()) + ");");
        }
        List<String> statements = new ArrayList<>();
        statements.add("CREATE TEXT SEARCH CONFIGURATION " + qualified + " (PARSER = "
                + (t.parser() == null ? "pg_catalog.\"default\"" : t.parser()) + ");");
        t.mappings().forEach((token, dictionaries) -> statements.add("ALTER TEXT SEARCH CONFIGURATION " + qualified
                + " ADD MAPPING FOR " + quote(token) + " WITH " + String.join(", ", dictionaries) + ";"));
        return statements;
    }

    private static List<String> alterMappings(TextSearchSnapshot from, TextSearchSnapshot to) {
        String prefix = "ALTER TEXT SEARCH CONFIGURATION " + name(to.schema(), to.name()) + " ";
        List<String> statements = new ArrayList<>();
        for (String token : from.mappings().keySet()) {
            if (!to.mappings().containsKey(token)) {
                statements.add(prefix + "DROP MAPPING FOR " + quote(token) + ";");
            }
        }
        to.mappings().forEach((token, dictionaries) -> {
            List<String> before = from.mappings().get(token);
            if (before == null) {
                statements.add(prefix + "ADD MAPPING FOR " + quote(token) + " WITH " + String.join(", ", dictionaries) + ";");
            } else if (!before.equals(dictionaries)) {
                statements.add(prefix + "ALTER MAPPING FOR " + quote(token) + " WITH " + String.join(", ", dictionaries) + ";");
            }
        });
        return statements;
    }
}
