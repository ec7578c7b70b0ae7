package dev.sleet.kit.codegen;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.sleet.kit.SleetException;
import dev.sleet.kit.snapshot.CollationSnapshot;
import dev.sleet.kit.snapshot.CommentSnapshot;
import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.kit.snapshot.DomainSnapshot;
import dev.sleet.kit.snapshot.TypeSnapshot;
import dev.sleet.kit.snapshot.ExtensionSnapshot;
import dev.sleet.kit.snapshot.ForeignServerSnapshot;
import dev.sleet.kit.snapshot.ForeignTableSnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.TableSnapshot;
import dev.sleet.kit.snapshot.TextSearchSnapshot;
import dev.sleet.schema.Collation;
import dev.sleet.schema.Comment;
import dev.sleet.schema.DataType;
import dev.sleet.schema.CompositeType;
import dev.sleet.schema.Domain;
import dev.sleet.schema.RangeType;
import dev.sleet.schema.Extension;
import dev.sleet.schema.ForeignServer;
import dev.sleet.schema.ForeignTable;
import dev.sleet.schema.TextSearchConfiguration;
import dev.sleet.schema.TextSearchDictionary;

import javax.lang.model.element.Modifier;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes extensions, foreign servers, collations, text search objects, domains and foreign tables
 * as constants of the Schema class, and the parts of columns and index keys that name them.
 * Constants come after the enum types (a domain may be over one) and before the tables, each
 * domain after its base domain, each foreign table after its server.
 */
final class ObjectsWriter {

    private static final ClassName EXTENSION = ClassName.get(Extension.class);
    private static final ClassName COMMENT = ClassName.get(Comment.class);
    private static final ClassName COLLATION = ClassName.get(Collation.class);
    private static final ClassName DOMAIN = ClassName.get(Domain.class);
    private static final ClassName COMPOSITE = ClassName.get(CompositeType.class);
    private static final ClassName RANGE = ClassName.get(RangeType.class);
    private static final ClassName DATA_TYPE = ClassName.get(DataType.class);
    private static final ClassName TS_CONFIGURATION = ClassName.get(TextSearchConfiguration.class);
    private static final ClassName TS_DICTIONARY = ClassName.get(TextSearchDictionary.class);
    private static final ClassName FOREIGN_SERVER = ClassName.get(ForeignServer.class);
    private static final ClassName FOREIGN_TABLE = ClassName.get(ForeignTable.class);

    private final Snapshot snapshot;
    private final SchemaNames names;
    private final String defaultSchema;
    /** Domain key to the Java type of its values. */
    private final Map<String, TypeName> domainTypes = new HashMap<>();

    ObjectsWriter(Snapshot snapshot, SchemaNames names, String defaultSchema) {
        this.snapshot = snapshot;
        this.names = names;
        this.defaultSchema = defaultSchema;
    }

    /**
     * The comments on objects that keep none of their own, as {@link Comment} constants (last: they
     * name their objects, never use them).
     */
    void addComments(TypeSpec.Builder outer) {
        for (CommentSnapshot c : snapshot.comments().values()) {
            CodeBlock.Builder init = CodeBlock.builder().add("$T.$L($S, ", COMMENT, factory(c.kind()), c.schema());
            if (c.on() != null) {
                init.add("$S, ", c.on());
            }
            if (c.kind() != Comment.Kind.SCHEMA) {
                init.add("$S, ", c.name());
            }
            init.add("$S)", c.comment());
            outer.addField(constant(COMMENT, names.objectConstant("comment " + c.key()), init.build()));
        }
    }

    /** {@code Comment}'s factory for the kind: {@code onSchema}, {@code onTextSearchConfiguration}, ... */
    private static String factory(Comment.Kind kind) {
        StringBuilder name = new StringBuilder("on");
        for (String word : kind.name().split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return name.toString();
    }

    void addConstants(TypeSpec.Builder outer) {
        for (ExtensionSnapshot extension : snapshot.extensions().values()) {
            CodeBlock.Builder init = CodeBlock.builder().add("$T.of($S)", EXTENSION, extension.name());
            if (!extension.schema().equals(defaultSchema)) {
                init.add(".inSchema($S)", extension.schema());
            }
            outer.addField(constant(EXTENSION, names.objectConstant("extension " + extension.name()), init.build()));
        }
        addForeignServers(outer);
        for (CollationSnapshot c : snapshot.collations().values()) {
            CodeBlock.Builder init = CodeBlock.builder();
            if (c.provider().equals("icu")) {
                init.add("$T.icu($S, $S)", COLLATION, c.name(), c.lcCollate());
            } else if (java.util.Objects.equals(c.lcCollate(), c.lcCtype())) {
                init.add("$T.libc($S, $S)", COLLATION, c.name(), c.lcCollate());
            } else {
                init.add("$T.libc($S, $S, $S)", COLLATION, c.name(), c.lcCollate(), c.lcCtype());
            }
            if (!c.schema().equals(defaultSchema)) {
                init.add(".inSchema($S)", c.schema());
            }
            if (!c.deterministic()) {
                init.add(".nondeterministic()");
            }
            outer.addField(constant(COLLATION, names.objectConstant("collation " + c.key()), init.build()));
        }
        for (TextSearchSnapshot t : snapshot.textSearch().values()) {
            CodeBlock.Builder init = CodeBlock.builder();
            if (t.isConfiguration()) {
                init.add("$T.of($S)", TS_CONFIGURATION, t.name());
                if (!t.schema().equals(defaultSchema)) {
                    init.add(".inSchema($S)", t.schema());
                }
                if (t.parser() != null) {
                    init.add(".parser($S)", t.parser());
                }
                init.add("$>$>");
                t.mappings().forEach((token, dictionaries) -> {
                    init.add("\n.mapping($S", token);
                    dictionaries.forEach(d -> init.add(", $S", d));
                    init.add(")");
                });
                init.add("$<$<");
            } else {
                init.add("$T.of($S, $S)", TS_DICTIONARY, t.name(), t.template());
                if (!t.schema().equals(defaultSchema)) {
                    init.add(".inSchema($S)", t.schema());
                }
                if (t.options() != null) {
                    init.add(".options($S)", t.options());
                }
            }
            outer.addField(constant(t.isConfiguration() ? TS_CONFIGURATION : TS_DICTIONARY, names.objectConstant(t.key()),
                    init.build()));
        }
        for (TypeSnapshot t : snapshot.types().values()) {
            outer.addField(constant(t.isRange() ? RANGE : COMPOSITE, names.objectConstant("type " + t.key()), type(t)));
        }
        for (DomainSnapshot d : DomainSnapshot.inBaseOrder(snapshot.domains())) {
            TypeName valueType;
            CodeBlock base;
            if (d.baseTypeSchema() == null) {
                ColumnTypes.Factory factory = ColumnTypes.factory("", d.baseType(), false);
                valueType = factory.valueType();
                base = CodeBlock.of("new $T<>($S, $T.class)", DATA_TYPE, d.baseType(), valueType);
            } else {
                boolean array = d.baseType().endsWith("[]");
                String enumConstant = names.enumConstant(d.baseTypeKey());
                String domainConstant = names.objectConstant("domain " + d.baseTypeKey());
                if (enumConstant != null || domainConstant != null) {
                    TypeName element = enumConstant != null ? ClassName.get(String.class) : domainTypes.get(d.baseTypeKey());
                    valueType = array ? ArrayTypeName.of(element) : element;
                    base = CodeBlock.of("$L", enumConstant != null ? enumConstant : domainConstant);
                } else {
                    throw new SleetException("Domain " + d.key() + " is over " + d.baseTypeKey()
                            + ", which is not among the types pulled: include its schema");
                }
            }
            domainTypes.put(d.key(), valueType);
            String factory = d.baseTypeSchema() != null && d.baseType().endsWith("[]") ? "arrayOf" : "of";
            CodeBlock.Builder init = CodeBlock.builder().add("$T.$L($S, $L)", DOMAIN, factory, d.name(), base);
            if (!d.schema().equals(defaultSchema)) {
                init.add(".inSchema($S)", d.schema());
            }
            if (d.collation() != null) {
                init.add(".collate($L)", collation(d.collation(), d.collationSchema(), "domain " + d.key()));
            }
            if (d.notNull()) {
                init.add(".notNull()");
            }
            if (d.defaultValue() != null) {
                init.add(".defaultSql($S)", d.defaultValue());
            }
            init.add("$>$>");
            d.checks().forEach((name, expression) -> init.add("\n.check($S, $S)", name, expression));
            init.add("$<$<");
            outer.addField(constant(ParameterizedTypeName.get(DOMAIN, valueType.box()), names.objectConstant("domain " + d.key()),
                    init.build()));
        }
        addForeignTables(outer);
    }

    private void addForeignServers(TypeSpec.Builder outer) {
        for (ForeignServerSnapshot s : snapshot.foreignServers().values()) {
            CodeBlock.Builder init = CodeBlock.builder().add("$T.of($S, $S)", FOREIGN_SERVER, s.name(), s.wrapper());
            if (s.type() != null) {
                init.add(".type($S)", s.type());
            }
            if (s.version() != null) {
                init.add(".version($S)", s.version());
            }
            s.options().forEach((name, value) -> init.add(".option($S, $S)", name, value));
            outer.addField(constant(FOREIGN_SERVER, names.objectConstant("foreign server " + s.name()), init.build()));
        }
    }

    /** After the domains and types their columns' types may name (as SQL text: no constant needed). */
    private void addForeignTables(TypeSpec.Builder outer) {
        for (ForeignTableSnapshot t : snapshot.foreignTables().values()) {
            String server = names.objectConstant("foreign server " + t.server());
            if (server == null) {
                throw new SleetException("Foreign table " + t.key() + " is on server " + t.server() + ", which is not among the"
                        + " servers pulled");
            }
            CodeBlock.Builder init = CodeBlock.builder().add("$T.of($S, $L)", FOREIGN_TABLE, t.name(), server);
            if (!t.schema().equals(defaultSchema)) {
                init.add(".inSchema($S)", t.schema());
            }
            init.add("$>$>");
            for (ForeignTableSnapshot.Column c : t.columns()) {
                boolean plain = !c.notNull() && c.defaultValue() == null && c.collation() == null && c.options().isEmpty()
                        && c.comment() == null;
                if (plain) {
                    init.add("\n.column($S, $S)", c.name(), c.type());
                    continue;
                }
                init.add("\n.column($T.Column.of($S, $S)", FOREIGN_TABLE, c.name(), c.type());
                if (c.notNull()) {
                    init.add(".notNull()");
                }
                if (c.defaultValue() != null) {
                    init.add(".defaultSql($S)", c.defaultValue());
                }
                if (c.collation() != null) {
                    init.add(".collate($S)", c.collation());
                }
                c.options().forEach((name, value) -> init.add(".option($S, $S)", name, value));
                if (c.comment() != null) {
                    init.add(".comment($S)", c.comment());
                }
                init.add(")");
            }
            t.options().forEach((name, value) -> init.add("\n.option($S, $S)", name, value));
            if (t.comment() != null) {
                init.add("\n.comment($S)", t.comment());
            }
            init.add("$<$<");
            outer.addField(constant(FOREIGN_TABLE, names.objectConstant("foreign table " + t.key()), init.build()));
        }
    }

    private CodeBlock type(TypeSnapshot t) {
        CodeBlock.Builder init = CodeBlock.builder();
        if (t.isRange()) {
            init.add("$T.of($S, $S)", RANGE, t.name(), t.subtype());
        } else {
            init.add("$T.of($S)", COMPOSITE, t.name());
        }
        if (!t.schema().equals(defaultSchema)) {
            init.add(".inSchema($S)", t.schema());
        }
        init.add("$>$>");
        for (TypeSnapshot.Attribute a : t.attributes()) {
            if (a.collation() == null) {
                init.add("\n.attribute($S, $S)", a.name(), a.type());
            } else {
                init.add("\n.attribute($S, $S, $S)", a.name(), a.type(), a.collation());
            }
        }
        if (t.subtypeOpclass() != null) {
            init.add("\n.subtypeOpclass($S)", t.subtypeOpclass());
        }
        if (t.collation() != null) {
            init.add("\n.collation($S)", t.collation());
        }
        if (t.canonical() != null) {
            init.add("\n.canonical($S)", t.canonical());
        }
        if (t.subtypeDiff() != null) {
            init.add("\n.subtypeDiff($S)", t.subtypeDiff());
        }
        if (t.multirange() != null) {
            init.add("\n.multirange($S)", t.multirange());
        }
        t.dependsOn().forEach(key -> init.add("\n.after($S)", key));
        return init.add("$<$<").build();
    }

    /** The argument of {@code .collate(...)}: a pg_catalog collation's name, or the constant of a declared one. */
    CodeBlock collation(String collation, String collationSchema, String user) {
        if (collationSchema == null) {
            return CodeBlock.of("$S", collation);
        }
        String constant = names.objectConstant("collation " + Snapshot.key(collationSchema, collation));
        if (constant == null) {
            throw new SleetException("The " + user + " uses collation " + Snapshot.key(collationSchema, collation)
                    + ", which is not among the collations pulled: include its schema");
        }
        return CodeBlock.of("$L", constant);
    }

    /** {@code column("zip", US_ZIP)}, with {@code .array()} for an array of the domain; null for a column of another type. */
    ColumnTypes.Factory domainFactory(TableSnapshot table, ColumnSnapshot column) {
        String constant = column.userTypeKey() == null ? null : names.objectConstant("domain " + column.userTypeKey());
        if (constant == null) {
            return null;
        }
        TypeName valueType = domainTypes.get(column.userTypeKey());
        Class<?> javaType = javaClass(valueType);
        if (column.isArray()) {
            Class<?> arrayClass = java.lang.reflect.Array.newInstance(javaType, 0).getClass();
            return new ColumnTypes.Factory(CodeBlock.of("column($S, $L).array()", column.name(), constant),
                    com.palantir.javapoet.ArrayTypeName.of(valueType.box()), arrayClass);
        }
        return new ColumnTypes.Factory(CodeBlock.of("column($S, $L)", column.name(), constant), valueType.box(), javaType);
    }

    private static Class<?> javaClass(TypeName type) {
        try {
            return Class.forName(type.box().toString());
        } catch (ClassNotFoundException e) {
            return Object.class;
        }
    }

    private static FieldSpec constant(TypeName type, String name, CodeBlock init) {
        return FieldSpec.builder(type, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL).initializer(init).build();
    }

}
