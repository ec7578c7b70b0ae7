package dev.sleet.kit.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.sleet.kit.SleetException;
import dev.sleet.kit.snapshot.ForeignKeySnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.TableSnapshot;
import dev.sleet.schema.Relation;
import dev.sleet.schema.TableRelations;

import javax.lang.model.element.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code Relations.java}: the relations foreign keys imply, as drizzle-kit's pull derives them. A
 * foreign key from A to B gives A a {@code one} named after its column ({@code user_id} → user)
 * and B a {@code many} named after A; when A has several keys to B, both sides name the key they
 * follow with {@code via}.
 */
final class RelationsWriter {

    /**
     * Estimated bytecode of the static initialiser above which each table's relations move into a
     * method of their own: the JVM caps a method at 64 KB, and a large schema's relations exceed it.
     * The estimate errs high: a schema of 100 tables with two keys each is estimated at 14.8 KB
     * and compiles to 8.3 KB.
     */
    static final int INITIALISER_BUDGET = 56_000;

    /**
     * Tables whose relation methods share one nested class. Each class has a constant pool of its
     * own (at most 65,535 entries, some 16 per table), so that Relations itself needs only a few
     * entries per table.
     */
    static final int TABLES_PER_PART = 500;

    private static final ClassName RELATION = ClassName.get(Relation.class);
    private static final ClassName TABLE_RELATIONS = ClassName.get(TableRelations.class);
    private static final ClassName LIST = ClassName.get(List.class);

    /** A foreign key of {@code source} pointing at the table whose {@code many} side this is. */
    private record Incoming(TableSnapshot source, ForeignKeySnapshot fk, boolean ambiguous) {}

    /** The far side of a junction table: {@code many(other).through(junction)}. */
    private record Across(TableSnapshot junction, TableSnapshot other) {}

    private final Snapshot snapshot;
    private final SchemaNames names;
    private final ClassName schema;
    private final String defaultSchema;
    private final int initialiserBudget;

    RelationsWriter(Snapshot snapshot, SchemaNames names, ClassName schema, String defaultSchema, int initialiserBudget) {
        this.snapshot = snapshot;
        this.names = names;
        this.schema = schema;
        this.defaultSchema = defaultSchema;
        this.initialiserBudget = initialiserBudget;
    }

    String write() {
        Map<String, List<Incoming>> incoming = new LinkedHashMap<>();
        for (TableSnapshot table : snapshot.tables().values()) {
            for (ForeignKeySnapshot fk : table.foreignKeys().values()) {
                if (!snapshot.tables().containsKey(fk.referencedKey())) {
                    throw new SleetException("Foreign key " + fk.name() + " on " + table.key() + " references table "
                            + fk.referencedKey() + ", which is not among the tables pulled: include its schema");
                }
                incoming.computeIfAbsent(fk.referencedKey(), k -> new ArrayList<>())
                        .add(new Incoming(table, fk, ambiguous(table, fk)));
            }
        }

        Map<String, List<Across>> across = new LinkedHashMap<>();
        for (TableSnapshot table : snapshot.tables().values()) {
            if (isJunction(table)) {
                List<ForeignKeySnapshot> keys = List.copyOf(table.foreignKeys().values());
                TableSnapshot first = snapshot.tables().get(keys.get(0).referencedKey());
                TableSnapshot second = snapshot.tables().get(keys.get(1).referencedKey());
                across.computeIfAbsent(first.key(), k -> new ArrayList<>()).add(new Across(table, second));
                across.computeIfAbsent(second.key(), k -> new ArrayList<>()).add(new Across(table, first));
            }
        }

        Map<String, CodeBlock> initialisers = new LinkedHashMap<>();
        int estimate = 0;
        for (TableSnapshot table : snapshot.tables().values()) {
            JavaNames.Allocator relationNames = new JavaNames.Allocator(false);
            List<CodeBlock> relations = new ArrayList<>();
            for (ForeignKeySnapshot fk : table.foreignKeys().values()) {
                List<String> candidates = new ArrayList<>();
                if (fk.columns().size() == 1) {
                    candidates.add(JavaNames.camel(SchemaNames.withoutIdSuffix(fk.columns().get(0))));
                }
                candidates.add(JavaNames.camel(fk.name()));
                boolean ambiguous = ambiguous(table, fk);
                relations.add(one(table, fk, relationNames.allocate(candidates, "relation"), ambiguous));
                estimate += 30 + 14 * fk.columns().size() + (ambiguous ? 6 : 0);
            }
            for (Incoming from : incoming.getOrDefault(table.key(), List.of())) {
                String base = manyBase(from.source());
                List<String> candidates = new ArrayList<>();
                if (from.ambiguous()) {
                    List<String> columns = from.fk().columns();
                    candidates.add(base + "By" + JavaNames.pascal(columns.size() == 1 ? columns.get(0) : from.fk().name()));
                    candidates.add(base + "By" + JavaNames.pascal(from.fk().name()));
                } else {
                    candidates.add(base);
                }
                relations.add(many(from, relationNames.allocate(candidates, "relations")));
                estimate += 20 + (from.ambiguous() ? 6 : 0);
            }
            for (Across to : across.getOrDefault(table.key(), List.of())) {
                String name = relationNames.allocate(List.of(manyBase(to.other()), manyBase(to.other()) + "Via"
                        + JavaNames.pascal(to.junction().name())), "relations");
                relations.add(CodeBlock.of("$T.many($S, $T.$L).through($T.$L)", RELATION, name, schema,
                        constant(to.other()), schema, constant(to.junction())));
                estimate += 26;
            }
            if (!relations.isEmpty()) {
                initialisers.put(table.key(), CodeBlock.builder()
                        .add("$T.of($T.$L,\n$>$>", TABLE_RELATIONS, schema, constant(table))
                        .add(CodeBlock.join(relations, ",\n"))
                        .add(")$<$<")
                        .build());
                estimate += 20;
            }
        }

        boolean useMethods = estimate > initialiserBudget;
        ClassName relationsClass = schema.peerClass("Relations");
        TypeSpec.Builder type = TypeSpec.classBuilder(relationsClass).addModifiers(Modifier.PUBLIC, Modifier.FINAL);
        JavaNames.Allocator methods = new JavaNames.Allocator(false);
        List.of("one", "many", "of").forEach(methods::reserve);
        List<TypeSpec> parts = new ArrayList<>();
        TypeSpec.Builder part = null;
        int inPart = 0;
        for (Map.Entry<String, CodeBlock> entry : initialisers.entrySet()) {
            String constant = names.table(entry.getKey()).constant();
            FieldSpec.Builder field = FieldSpec.builder(TABLE_RELATIONS, constant, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL);
            if (useMethods) {
                if (part == null || inPart == TABLES_PER_PART) {
                    if (part != null) {
                        parts.add(part.build());
                    }
                    part = TypeSpec.classBuilder("Part" + (parts.size() + 1))
                            .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL);
                    inPart = 0;
                }
                String method = methods.allocate(List.of(SchemaNames.field(constant)), "relations");
                field.initializer("$L.$L()", "Part" + (parts.size() + 1), method);
                part.addMethod(MethodSpec.methodBuilder(method).addModifiers(Modifier.STATIC)
                        .returns(TABLE_RELATIONS).addCode("return $L;\n", entry.getValue()).build());
                inPart++;
            } else {
                field.initializer(entry.getValue());
            }
            type.addField(field.build());
        }
        if (part != null) {
            parts.add(part.build());
        }
        type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        type.addTypes(parts);
        return JavaSchemaWriter.render(schema.packageName(), type.build(), RELATION,
                initialisers.isEmpty() ? List.of() : List.of("many", "one"));
    }

    /**
     * A {@code many} is named after the table pointing here; a table in another schema takes its
     * schema as prefix when the default schema has a table of the same name.
     */
    private String manyBase(TableSnapshot source) {
        boolean shadowed = !source.schema().equals(defaultSchema)
                && snapshot.tables().containsKey(Snapshot.key(defaultSchema, source.name()));
        return JavaNames.camel(shadowed ? source.schema() + "_" + source.name() : source.name());
    }

    /**
     * A junction (many-to-many) table: two foreign keys to two other tables, and besides their
     * columns nothing but its own single-column key (a serial {@code id}) or none; a unique
     * constraint over the pair changes nothing.
     */
    private static boolean isJunction(TableSnapshot table) {
        if (table.foreignKeys().size() != 2) {
            return false;
        }
        List<ForeignKeySnapshot> keys = List.copyOf(table.foreignKeys().values());
        String first = keys.get(0).referencedKey();
        String second = keys.get(1).referencedKey();
        if (first.equals(second) || first.equals(table.key()) || second.equals(table.key())) {
            return false;
        }
        List<String> others = new ArrayList<>(table.columns().keySet());
        keys.forEach(key -> others.removeAll(key.columns()));
        return others.isEmpty()
                || others.size() == 1 && table.primaryKey() != null && table.primaryKey().columns().equals(others);
    }

    /** True when the table has more than one foreign key to the same table. */
    private static boolean ambiguous(TableSnapshot table, ForeignKeySnapshot fk) {
        return table.foreignKeys().values().stream().filter(k -> k.referencedKey().equals(fk.referencedKey())).count() > 1;
    }

    private CodeBlock one(TableSnapshot table, ForeignKeySnapshot fk, String name, boolean ambiguous) {
        SchemaNames.TableNames source = names.table(table.key());
        SchemaNames.TableNames target = names.table(fk.referencedKey());
        CodeBlock.Builder code = CodeBlock.builder();
        if (fk.columns().size() == 1) {
            code.add("$T.one($S, $T.$L, $L, $L)", RELATION, name, schema, target.constant(),
                    column(source, fk.columns().get(0), table, fk), column(target, fk.referencedColumns().get(0), table, fk));
        } else {
            List<CodeBlock> fields = new ArrayList<>();
            List<CodeBlock> references = new ArrayList<>();
            for (int i = 0; i < fk.columns().size(); i++) {
                fields.add(column(source, fk.columns().get(i), table, fk));
                references.add(column(target, fk.referencedColumns().get(i), table, fk));
            }
            code.add("$T.one($S, $T.$L, $T.of($L), $T.of($L))", RELATION, name, schema, target.constant(),
                    LIST, CodeBlock.join(fields, ", "), LIST, CodeBlock.join(references, ", "));
        }
        if (ambiguous) {
            code.add(".via($S)", fk.name());
        }
        return code.build();
    }

    private CodeBlock many(Incoming from, String name) {
        CodeBlock.Builder code = CodeBlock.builder()
                .add("$T.many($S, $T.$L)", RELATION, name, schema, constant(from.source()));
        if (from.ambiguous()) {
            code.add(".via($S)", from.fk().name());
        }
        return code.build();
    }

    private CodeBlock column(SchemaNames.TableNames table, String column, TableSnapshot owner, ForeignKeySnapshot fk) {
        String field = table.column(column);
        if (field == null) {
            throw new SleetException("Foreign key " + fk.name() + " on " + owner.key() + " names column \"" + column
                    + "\", which its table does not have");
        }
        return CodeBlock.of("$T.$L.$L", schema, table.constant(), field);
    }

    private String constant(TableSnapshot table) {
        return names.table(table.key()).constant();
    }
}
