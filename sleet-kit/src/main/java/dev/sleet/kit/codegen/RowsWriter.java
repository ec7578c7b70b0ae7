package dev.sleet.kit.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.sleet.kit.SleetException;
import dev.sleet.kit.dialect.Dialect;
import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.TableSnapshot;
import dev.sleet.schema.Column;
import dev.sleet.schema.Table;
import dev.sleet.sql.Given;
import dev.sleet.sql.RecordValues;

import javax.lang.model.SourceVersion;
import javax.lang.model.element.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code Rows.java}: drizzle's {@code $inferSelect} / {@code $inferInsert} as records, three per
 * table ({@code tasks} → {@code Task}, {@code NewTask}, {@code TaskPatch}):
 * <ul>
 *   <li>{@code Task}: the row as selected, a component per column ({@code db.select().from(TASKS).fetch(Task.class)});</li>
 *   <li>{@code NewTask}: a row to insert. A column that is NOT NULL without a default is a plain
 *   component, required by {@code NewTask.of(...)}; every other one (nullable, with a default, serial,
 *   identity) is a {@link Given}, absent unless a wither gives it, so that NULL is never taken for
 *   DEFAULT. Generated columns and {@code GENERATED ALWAYS} identities cannot be written and are left out;</li>
 *   <li>{@code TaskPatch}: the columns an update may set, all {@link Given}, absent until given.</li>
 * </ul>
 * Components are named as {@link RecordValues#componentName} says, so that record mapping and
 * {@code insert(...).values(record)} find their columns. The file depends on Sleet core and the
 * column types only, never on {@code Schema}, so that a stale copy still compiles beside new schema code.
 *
 * <p>{@code pull} writes it from the database's snapshot ({@link #fromSnapshot}); {@code generate}
 * and {@code check} from the compiled schema code ({@link #fromCode}). Both give the same text for
 * the code pull writes: records in table-key order, components in column order.
 */
public final class RowsWriter {

    /** The first words of the file: {@link #isGenerated} looks for them. */
    static final String MARKER = "Rows.java: row records of the schema's tables,";

    static final String FILE_COMMENT = MARKER + " written by `sleet pull` and kept in step\n"
            + "with the schema code by `sleet generate`: edit the schema code, not this file.";

    private static final ClassName GIVEN = ClassName.get(Given.class);
    private static final ClassName OBJECTS = ClassName.get(Objects.class);

    /** One column as the records see it. */
    private record RowColumn(String component, TypeName type, boolean required, boolean writable) {
    }

    /** One table: the class name its records are named after, and its columns. */
    private record RowTable(String key, String sqlName, String className, List<RowColumn> columns) {
    }

    private RowsWriter() {}

    /** True when {@code text} is a Rows.java this writer wrote (so schema sources leave it out). */
    public static boolean isGenerated(String text) {
        return text.startsWith("// " + MARKER);
    }

    /** The records of the tables of {@code snapshot}, named after the classes {@link JavaSchemaWriter} gives them. */
    public static String fromSnapshot(Snapshot pulled, String javaPackage, Dialect dialect) {
        // As JavaSchemaWriter sees it: partitions with their parent's columns, domains typed by their base type.
        Snapshot snapshot = InheritanceCode.withInheritedColumns(PartitionCode.withParentColumns(pulled));
        Map<String, TableLayout> layouts = new HashMap<>();
        snapshot.tables().values().forEach(t -> layouts.put(t.key(), TableLayout.of(t, dialect)));
        SchemaNames names = new SchemaNames(snapshot, dialect.defaultSchema(), layouts);
        ObjectsWriter objects = new ObjectsWriter(snapshot, names, dialect.defaultSchema());
        objects.addConstants(TypeSpec.classBuilder("Schema"));
        List<RowTable> tables = new ArrayList<>();
        for (TableSnapshot table : snapshot.tables().values()) {
            Map<String, TypeName> types = new HashMap<>();
            for (ColumnSnapshot column : table.columns().values()) {
                ColumnTypes.Factory domain = objects.domainFactory(table, column);
                types.put(column.name(), domain != null ? domain.valueType() : column.typeSchema() != null
                        ? column.isArray() ? TypeName.get(String[].class) : ClassName.get(String.class)
                        : ColumnTypes.factory(column.name(), column.type(), column.serial()).valueType());
            }
            tables.add(table(table, names.table(table.key()).className(), types));
        }
        return write(tables, javaPackage);
    }

    /**
     * The records of the tables the schema code declares: {@code code} is their snapshot (which
     * columns are NOT NULL, have defaults, are generated), {@code tables} the loaded classes (their
     * names, and each column's Java type, a converter's included).
     */
    public static String fromCode(Snapshot declared, List<Table<?>> tables, String javaPackage) {
        Snapshot code = InheritanceCode.withInheritedColumns(PartitionCode.withParentColumns(declared));
        List<RowTable> rows = new ArrayList<>();
        for (Table<?> table : tables) {
            TableSnapshot snapshot = code.tables().get(Snapshot.key(table.schemaName(), table.tableName()));
            if (snapshot == null) {
                continue;
            }
            Map<String, TypeName> types = new HashMap<>();
            for (Column<?> column : table.columns()) {
                types.put(column.name(), TypeName.get(column.type().javaType()));
            }
            rows.add(table(snapshot, table.getClass().getSimpleName(), types));
        }
        rows.sort(java.util.Comparator.comparing(RowTable::key));
        return write(rows, javaPackage);
    }

    private static RowTable table(TableSnapshot table, String className, Map<String, TypeName> types) {
        List<String> pk = table.primaryKey() == null ? List.of() : table.primaryKey().columns();
        JavaNames.Allocator components = new JavaNames.Allocator(false);
        List<RowColumn> columns = new ArrayList<>();
        for (ColumnSnapshot column : table.columns().values()) {
            boolean notNull = column.notNull() || pk.contains(column.name());
            boolean hasDefault = column.defaultValue() != null || column.serial() || column.identity() != null;
            boolean writable = column.generated() == null && (column.identity() == null || !column.identity().isAlways());
            TypeName type = types.getOrDefault(column.name(), ClassName.OBJECT);
            columns.add(new RowColumn(components.allocate(List.of(RecordValues.componentName(column.name())), "column"),
                    type, notNull && !hasDefault && writable, writable));
        }
        return new RowTable(table.key(), table.name(), className, columns);
    }

    private static String write(List<RowTable> tables, String javaPackage) {
        String pkg = javaPackage == null ? "" : javaPackage.trim();
        if (!pkg.isEmpty() && !SourceVersion.isName(pkg)) {
            throw new SleetException("\"" + pkg + "\" is not a valid Java package name (check javaPackage in the config)");
        }
        ClassName rows = ClassName.get(pkg, "Rows");
        JavaNames.Allocator names = new JavaNames.Allocator(true);
        JavaNames.RESERVED_TYPES.forEach(names::reserve);
        List.of("Rows", "Given", "Objects").forEach(names::reserve);
        TypeSpec.Builder outer = TypeSpec.classBuilder(rows).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("Row records of each table: as selected, to insert, to update. See {@code docs/schema.md}.\n")
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        for (RowTable table : tables) {
            String singular = singular(table.className());
            List<String> candidates = singular.equals(table.className()) ? List.of(table.className() + "Row")
                    : List.of(singular, table.className() + "Row");
            String row = names.allocate(candidates, "Row");
            String insert = names.allocate(List.of("New" + row), "NewRow");
            String patch = names.allocate(List.of(row + "Patch"), "RowPatch");
            outer.addType(selected(rows.nestedClass(row), table));
            List<RowColumn> writable = table.columns().stream().filter(RowColumn::writable).toList();
            outer.addType(written(rows.nestedClass(insert), table, writable, false,
                    "A row to insert into $L: {@code insert(...).values(row)}. Absent columns take their default;\n"
                            + "a wither's null is SQL NULL.\n"));
            outer.addType(written(rows.nestedClass(patch), table, writable, true,
                    "Columns of $L to update: {@code update(...).set(patch)} sets what is given (a wither's null\n"
                            + "is SQL NULL) and leaves absent columns as they are.\n"));
        }
        JavaFile file = JavaFile.builder(pkg, outer.build()).skipJavaLangImports(true).indent("  ")
                .addFileComment(FILE_COMMENT).build();
        return file.toString().replace("  private Rows() {\n  }\n", "  private Rows() {}\n");
    }

    private static TypeSpec selected(ClassName type, RowTable table) {
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
        for (RowColumn column : table.columns()) {
            constructor.addParameter(column.type(), column.component());
        }
        return TypeSpec.recordBuilder(type).addModifiers(Modifier.PUBLIC)
                .addJavadoc("A row of $L as selected: {@code select().from(...).fetch($L.class)}.\n", docName(table),
                        type.simpleName())
                .recordConstructor(constructor.build()).build();
    }

    /** The insert record ({@code patch} false: NOT NULL columns without default required) or the patch record. */
    private static TypeSpec written(ClassName type, RowTable table, List<RowColumn> columns, boolean patch, String doc) {
        MethodSpec.Builder canonical = MethodSpec.constructorBuilder();
        MethodSpec.Builder compact = MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC);
        MethodSpec.Builder of = MethodSpec.methodBuilder("of").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(type)
                .addJavadoc(patch ? "Nothing given yet.\n" : "The columns the row cannot do without; the others are absent.\n");
        List<CodeBlock> ofArguments = new ArrayList<>();
        for (RowColumn column : columns) {
            boolean required = column.required() && !patch;
            TypeName component = required ? column.type() : ParameterizedTypeName.get(GIVEN, column.type().box());
            canonical.addParameter(component, column.component());
            compact.addStatement("$T.requireNonNull($L, $S)", OBJECTS, column.component(), column.component());
            if (required) {
                of.addParameter(ParameterSpec.builder(column.type(), column.component()).build());
                ofArguments.add(CodeBlock.of("$L", column.component()));
            } else {
                ofArguments.add(CodeBlock.of("$T.absent()", GIVEN));
            }
        }
        TypeSpec.Builder record = TypeSpec.recordBuilder(type).addModifiers(Modifier.PUBLIC)
                .addJavadoc(doc, docName(table)).recordConstructor(canonical.build());
        if (!columns.isEmpty()) {
            record.addMethod(compact.build());
        }
        record.addMethod(of.addStatement("return new $T($L)", type, CodeBlock.join(ofArguments, ", ")).build());
        for (RowColumn column : columns) {
            String wither = "with" + Character.toUpperCase(column.component().charAt(0)) + column.component().substring(1);
            if (columns.stream().anyMatch(c -> c.component().equals(wither))) {
                continue; // a column of that name: its accessor takes the name
            }
            boolean required = column.required() && !patch;
            List<CodeBlock> arguments = new ArrayList<>();
            for (RowColumn other : columns) {
                arguments.add(other != column ? CodeBlock.of("$L", other.component())
                        : required ? CodeBlock.of("$L", other.component())
                        : CodeBlock.of("$T.of($L)", GIVEN, other.component()));
            }
            record.addMethod(MethodSpec.methodBuilder(wither).addModifiers(Modifier.PUBLIC).returns(type)
                    .addParameter(column.type(), column.component())
                    .addStatement("return new $T($L)", type, CodeBlock.join(arguments, ", ")).build());
        }
        return record.build();
    }

    /**
     * The table's name for a comment, when it is plain: any name could end the comment or hold a
     * backslash-u escape, which javac reads even in comments.
     */
    private static String docName(RowTable table) {
        return table.sqlName().matches("[A-Za-z0-9_]+") ? "{@code " + table.sqlName() + "}" : "the table";
    }

    /** {@code Tasks} → {@code Task}, {@code Categories} → {@code Category}, {@code Addresses} → {@code Address}. */
    static String singular(String name) {
        if (name.endsWith("ies") && name.length() > 3) {
            return name.substring(0, name.length() - 3) + "y";
        }
        for (String ending : List.of("sses", "shes", "ches", "xes", "zzes", "uses")) {
            if (name.endsWith(ending)) {
                return name.substring(0, name.length() - 2);
            }
        }
        if (name.endsWith("s") && !name.endsWith("ss") && !name.endsWith("us") && !name.endsWith("is") && name.length() > 1) {
            return name.substring(0, name.length() - 1);
        }
        return name;
    }
}
