package dev.sleet.kit.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.sleet.kit.SleetException;
import dev.sleet.kit.dialect.Dialect;
import dev.sleet.kit.snapshot.CheckSnapshot;
import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.kit.snapshot.EnumSnapshot;
import dev.sleet.kit.snapshot.ExclusionSnapshot;
import dev.sleet.kit.snapshot.ForeignKeySnapshot;
import dev.sleet.kit.snapshot.IndexKeySnapshot;
import dev.sleet.kit.snapshot.IndexSnapshot;
import dev.sleet.kit.snapshot.KeySnapshot;
import dev.sleet.kit.snapshot.PolicySnapshot;
import dev.sleet.kit.snapshot.RoleSnapshot;
import dev.sleet.kit.snapshot.CastSnapshot;
import dev.sleet.kit.snapshot.RoutineSnapshot;
import dev.sleet.kit.snapshot.RuleSnapshot;
import dev.sleet.kit.snapshot.SequenceSnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.TableSnapshot;
import dev.sleet.kit.snapshot.TriggerSnapshot;
import dev.sleet.kit.snapshot.TypeSnapshot;
import dev.sleet.kit.snapshot.ViewColumnSnapshot;
import dev.sleet.kit.snapshot.ViewSnapshot;
import dev.sleet.schema.Check;
import dev.sleet.schema.Column;
import dev.sleet.schema.Constraint;
import dev.sleet.schema.DataType;
import dev.sleet.schema.Deferral;
import dev.sleet.schema.EnumType;
import dev.sleet.schema.Exclusion;
import dev.sleet.schema.ForeignKey;
import dev.sleet.schema.Index;
import dev.sleet.schema.IndexKey;
import dev.sleet.schema.IndexMethod;
import dev.sleet.schema.Policy;
import dev.sleet.schema.ReferentialAction;
import dev.sleet.schema.Role;
import dev.sleet.schema.Routine;
import dev.sleet.schema.Sequence;
import dev.sleet.schema.SequenceOptions;
import dev.sleet.schema.Table;
import dev.sleet.schema.View;

import javax.lang.model.SourceVersion;
import javax.lang.model.element.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a snapshot as schema code: {@code Schema.java}, one nested {@link Table} class and one
 * constant per table, and {@code Relations.java}, the relations its foreign keys imply. This is
 * what {@code sleet pull} writes; the code looks as if written by hand, and compiling it and
 * reading it back with {@link dev.sleet.kit.snapshot.CodeSnapshots} gives the same snapshot.
 *
 * <p>The output is deterministic: tables in key order, columns in ordinal order, keys and indexes
 * by name, so that re-pulling an unchanged database rewrites identical text.
 */
public final class JavaSchemaWriter {

    /** The text of the two files, to be written as {@code Schema.java} and {@code Relations.java}. */
    public record GeneratedSources(String schemaJava, String relationsJava) {}

    /**
     * Above this many tables the Schema class's static initialiser (about ten bytes of bytecode
     * per table, limit 64 KB) and constant pool (about eight entries per table, limit 65,535) get
     * too close to the JVM's limits.
     */
    static final int MAX_TABLES = 6000;

    static final String FILE_COMMENT = "Written by `sleet pull`, which rewrites it from the database. This is ordinary\n"
            + "schema code: edit it, and `sleet generate` turns your changes into migrations.";

    private static final ClassName TABLE = ClassName.get(Table.class);
    private static final ClassName COLUMN = ClassName.get(Column.class);
    private static final ClassName FOREIGN_KEY = ClassName.get(ForeignKey.class);
    private static final ClassName INDEX = ClassName.get(Index.class);
    private static final ClassName CONSTRAINT = ClassName.get(Constraint.class);
    private static final ClassName REFERENTIAL_ACTION = ClassName.get(ReferentialAction.class);
    private static final ClassName INDEX_METHOD = ClassName.get(IndexMethod.class);
    private static final ClassName ENUM_TYPE = ClassName.get(EnumType.class);
    private static final ClassName CHECK = ClassName.get(Check.class);
    private static final ClassName INDEX_KEY = ClassName.get(IndexKey.class);
    private static final ClassName SEQUENCE = ClassName.get(Sequence.class);
    private static final ClassName VIEW = ClassName.get(View.class);
    private static final ClassName ROLE = ClassName.get(Role.class);
    private static final ClassName ROUTINE = ClassName.get(Routine.class);
    private static final ClassName POLICY = ClassName.get(Policy.class);
    private static final ClassName DATA_TYPE = ClassName.get(DataType.class);
    private static final ClassName DEFERRAL = ClassName.get(Deferral.class);
    private static final ClassName EXCLUSION = ClassName.get(Exclusion.class);
    private static final String NO_ACTION = ReferentialAction.NO_ACTION.sql();

    private final Dialect dialect;
    private final int relationsBudget;

    public JavaSchemaWriter(Dialect dialect) {
        this(dialect, RelationsWriter.INITIALISER_BUDGET);
    }

    /** For tests: {@code relationsBudget} is the estimated bytecode above which relations move into methods. */
    JavaSchemaWriter(Dialect dialect, int relationsBudget) {
        this.dialect = dialect;
        this.relationsBudget = relationsBudget;
    }

    /**
     * The schema code for {@code snapshot} in {@code javaPackage} (empty for the default package).
     *
     * @throws SleetException when the package name is invalid, or the snapshot holds something the
     *     schema DSL cannot express (a foreign key to a table outside the snapshot, an index on an
     *     expression, an unknown index method or referential action)
     */
    public GeneratedSources write(Snapshot snapshot, String javaPackage) {
        String pkg = javaPackage == null ? "" : javaPackage.trim();
        if (!pkg.isEmpty() && !SourceVersion.isName(pkg)) {
            throw new SleetException("\"" + pkg + "\" is not a valid Java package name (check javaPackage in the config)");
        }
        if (snapshot.tables().size() > MAX_TABLES) {
            throw new SleetException("The database has " + snapshot.tables().size() + " tables, more than one Schema class "
                    + "can hold (" + MAX_TABLES + "): pull fewer schemas or tables");
        }
        snapshot = InheritanceCode.withInheritedColumns(PartitionCode.withParentColumns(snapshot));
        Map<String, TableLayout> layouts = new HashMap<>();
        snapshot.tables().values().forEach(t -> layouts.put(t.key(), TableLayout.of(t, dialect)));
        SchemaNames names = new SchemaNames(snapshot, dialect.defaultSchema(), layouts);
        ClassName schema = ClassName.get(pkg, "Schema");
        String schemaJava = schemaFile(snapshot, names, layouts, schema);
        String relationsJava = new RelationsWriter(snapshot, names, schema, dialect.defaultSchema(), relationsBudget).write();
        return new GeneratedSources(schemaJava, relationsJava);
    }

    private String schemaFile(Snapshot snapshot, SchemaNames names, Map<String, TableLayout> layouts, ClassName schema) {
        TypeSpec.Builder outer = TypeSpec.classBuilder(schema).addModifiers(Modifier.PUBLIC, Modifier.FINAL);
        // Enum types first: the tables' field initialisers use them.
        for (EnumSnapshot type : snapshot.enums().values()) {
            CodeBlock.Builder init = CodeBlock.builder().add("$T.of($S", ENUM_TYPE, type.name());
            type.values().forEach(value -> init.add(", $S", value));
            init.add(")");
            if (!type.schema().equals(dialect.defaultSchema())) {
                init.add(".inSchema($S)", type.schema());
            }
            outer.addField(FieldSpec.builder(ParameterizedTypeName.get(ENUM_TYPE, ClassName.get(String.class)),
                    names.enumConstant(type.key()), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .initializer(init.build()).build());
        }
        // Then extensions, collations, text search objects and domains (which may be over enum types).
        ObjectsWriter objects = new ObjectsWriter(snapshot, names, dialect.defaultSchema());
        objects.addConstants(outer);
        for (SequenceSnapshot sequence : snapshot.sequences().values()) {
            CodeBlock.Builder init = CodeBlock.builder().add("$T.of($S)", SEQUENCE, sequence.name());
            if (!sequence.schema().equals(dialect.defaultSchema())) {
                init.add(".inSchema($S)", sequence.schema());
            }
            if (!sequence.type().equals("bigint")) {
                init.add(".as($T.$L)", DATA_TYPE, sequence.type().toUpperCase(java.util.Locale.ROOT));
            }
            CodeBlock options = sequenceOptions(sequence.declaredOptions());
            if (options != null) {
                init.add(".options(s -> s$L)", options);
            }
            if (sequence.ownedBy() != null) {
                int dot = sequence.ownedBy().lastIndexOf('.');
                init.add(".ownedBy($S, $S)", sequence.ownedBy().substring(0, dot), sequence.ownedBy().substring(dot + 1));
            }
            outer.addField(FieldSpec.builder(SEQUENCE, names.sequenceConstant(sequence.key()),
                    Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL).initializer(init.build()).build());
        }
        for (RoleSnapshot role : snapshot.roles().values()) {
            CodeBlock.Builder init = CodeBlock.builder().add("$T.of($S)", ROLE, role.name());
            if (role.login()) {
                init.add(".login()");
            }
            if (role.createDb()) {
                init.add(".createDb()");
            }
            if (role.createRole()) {
                init.add(".createRole()");
            }
            if (!role.inherit()) {
                init.add(".noInherit()");
            }
            if (role.bypassRls()) {
                init.add(".bypassRls()");
            }
            if (role.replication()) {
                init.add(".replication()");
            }
            if (role.connectionLimit() != -1) {
                init.add(".connectionLimit($L)", role.connectionLimit());
            }
            outer.addField(FieldSpec.builder(ROLE, names.roleConstant(role.name()), Modifier.PUBLIC, Modifier.STATIC,
                    Modifier.FINAL).initializer(init.build()).build());
        }
        for (TableSnapshot table : snapshot.tables().values()) {
            SchemaNames.TableNames tableNames = names.table(table.key());
            ClassName type = schema.nestedClass(tableNames.className());
            outer.addField(FieldSpec.builder(type, tableNames.constant(), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .initializer("new $T()", type).build());
        }
        for (ViewSnapshot view : snapshot.views().values()) {
            CodeBlock.Builder init = CodeBlock.builder().add("$T.$L($S, $S)", VIEW, view.materialized() ? "materialized" : "of",
                    view.name(), view.definition());
            if (!view.schema().equals(dialect.defaultSchema())) {
                init.add(".inSchema($S)", view.schema());
            }
            view.with().forEach((option, value) -> init.add(".with($S, $S)", option, value));
            if (view.withNoData()) {
                init.add(".withNoData()");
            }
            if (view.comment() != null) {
                init.add(".comment($S)", view.comment());
            }
            for (IndexSnapshot index : view.indexes().values()) {
                init.add(viewIndex(view, index, objects));
            }
            if (view.clusterOn() != null) {
                init.add(".clusterOn($S)", view.clusterOn());
            }
            view.triggers().values().forEach(trigger -> init.add(".trigger($S, $S)", trigger.name(), trigger.definition()));
            for (TypeSnapshot.Attribute column : view.standIn()) {
                if (column.collation() == null) {
                    init.add(".standIn($S, $S)", column.name(), column.type());
                } else {
                    init.add(".standIn($S, $S, $S)", column.name(), column.type(), column.collation());
                }
            }
            for (ViewColumnSnapshot column : view.columns().values()) {
                if (column.defaultValue() != null) {
                    init.add(".columnDefault($S, $S)", column.name(), column.defaultValue());
                }
                if (column.comment() != null) {
                    init.add(".columnComment($S, $S)", column.name(), column.comment());
                }
            }
            outer.addField(FieldSpec.builder(VIEW, names.viewConstant(view.key()), Modifier.PUBLIC, Modifier.STATIC,
                    Modifier.FINAL).initializer(init.build()).build());
        }
        // After the tables and views they may depend on, each after the routines it depends on.
        for (RoutineSnapshot routine : RoutineCode.dependenciesFirst(snapshot.routines())) {
            outer.addField(FieldSpec.builder(ROUTINE, names.routineConstant(routine.key()), Modifier.PUBLIC, Modifier.STATIC,
                    Modifier.FINAL).initializer(RoutineCode.initializer(routine, snapshot, names)).build());
        }
        for (CastSnapshot cast : snapshot.casts().values()) {
            outer.addField(FieldSpec.builder(RoutineCode.CAST, names.castConstant(cast.key()), Modifier.PUBLIC, Modifier.STATIC,
                    Modifier.FINAL).initializer(RoutineCode.cast(cast)).build());
        }
        for (RuleSnapshot rule : snapshot.rules().values()) {
            outer.addField(FieldSpec.builder(RoutineCode.RULE, names.ruleConstant(rule.key()), Modifier.PUBLIC, Modifier.STATIC,
                    Modifier.FINAL).initializer(RoutineCode.rule(rule)).build());
        }
        objects.addComments(outer);
        outer.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        for (TableSnapshot table : snapshot.tables().values()) {
            outer.addType(tableClass(table, snapshot, layouts.get(table.key()), names, schema, objects));
        }
        return render(schema.packageName(), outer.build(), null, List.of());
    }

    private TypeSpec tableClass(TableSnapshot table, Snapshot snapshot, TableLayout layout, SchemaNames names, ClassName schema,
                                ObjectsWriter objects) {
        SchemaNames.TableNames own = names.table(table.key());
        ClassName type = schema.nestedClass(own.className());
        TypeSpec.Builder builder = TypeSpec.classBuilder(type).addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .superclass(ParameterizedTypeName.get(TABLE, type));
        List<String> pkColumns = layout.primaryKeyColumns();
        requireColumns(table, layout.columnPrimaryKey().stream().toList(), "primary key");
        requireColumns(table, layout.columnUniques().keySet(), "unique constraint");
        requireColumns(table, layout.columnReferences().keySet(), "foreign key");

        for (ColumnSnapshot column : table.columns().values()) {
            ColumnTypes.Factory domain = objects.domainFactory(table, column);
            ColumnTypes.Factory factory = domain != null ? domain : column.typeSchema() != null ? enumFactory(table, column, names)
                    : ColumnTypes.factory(column.name(), column.type(), column.serial());
            CodeBlock.Builder init = CodeBlock.builder().add(factory.call());
            if (column.collation() != null) {
                init.add(".collate($L)", objects.collation(column.collation(), column.collationSchema(),
                        "column " + table.key() + "." + column.name()));
            }
            if (layout.columnPrimaryKey().filter(column.name()::equals).isPresent()) {
                init.add(".primaryKey()");
            } else if (column.notNull() && !pkColumns.contains(column.name()) && !factory.serial()
                    && column.identity() == null) {
                init.add(".notNull()");
            }
            if (column.identity() != null) {
                String method = column.identity().isAlways() ? "generatedAlwaysAsIdentity" : "generatedByDefaultAsIdentity";
                CodeBlock options = sequenceOptions(column.identity().asSequence(column.type()).declaredOptions());
                init.add(options == null ? CodeBlock.of(".$L()", method) : CodeBlock.of(".$L(s -> s$L)", method, options));
                if (column.identity().sequenceName() != null) {
                    init.add(".sequenceName($S)", column.identity().sequenceName());
                }
            }
            if (column.generated() != null) {
                init.add(".generatedAlwaysAs($S)", column.generated());
            }
            Optional<String> unique = layout.columnUniques().get(column.name());
            if (unique != null) {
                init.add(unique.isPresent() ? CodeBlock.of(".unique($S)", unique.get()) : CodeBlock.of(".unique()"));
            }
            if (column.defaultValue() != null && domain != null) {
                init.add(".defaultSql($S)", column.defaultValue());
            } else if (column.defaultValue() != null) {
                init.add(DefaultLiterals.modifier(column.defaultValue(), column.type(), column.typeSchema(),
                        factory.javaType(), dialect));
            }
            ForeignKeySnapshot reference = layout.columnReferences().get(column.name());
            if (reference != null) {
                init.add(".references($L)", target(table, reference, 0, names));
            }
            if (column.comment() != null) {
                init.add(".comment($S)", column.comment());
            }
            builder.addField(FieldSpec.builder(ParameterizedTypeName.get(COLUMN, factory.valueType()),
                    own.column(column.name()), Modifier.PUBLIC, Modifier.FINAL).initializer(init.build()).build());
        }

        if (layout.tablePrimaryKey().isPresent()) {
            KeySnapshot pk = layout.tablePrimaryKey().get();
            CodeBlock init = pk.deferral() != null
                    ? CodeBlock.of("primaryKey($S, $T.$L, $L)", pk.name(), DEFERRAL, pk.deferral().name(),
                            columnList(table, pkColumns, own, "primary key " + pk.name()))
                    : TableLayout.isDefaultPrimaryKeyName(table, pk, dialect)
                    ? CodeBlock.of("primaryKey($L)", columnList(table, pkColumns, own, "primary key " + pk.name()))
                    : CodeBlock.of("primaryKey($S, $L)", pk.name(), columnList(table, pkColumns, own, "primary key " + pk.name()));
            builder.addField(FieldSpec.builder(CONSTRAINT, own.primaryKey(), Modifier.PUBLIC, Modifier.FINAL)
                    .initializer(init).build());
        }
        for (KeySnapshot unique : layout.tableUniques()) {
            builder.addField(FieldSpec.builder(CONSTRAINT, own.uniques().get(unique.name()), Modifier.PUBLIC, Modifier.FINAL)
                    .initializer(unique.deferral() == null ? CodeBlock.of("$L($S, $L)",
                            unique.nullsNotDistinct() ? "uniqueNullsNotDistinct" : "unique", unique.name(),
                            columnList(table, unique.columns(), own, "unique constraint " + unique.name()))
                            : CodeBlock.of("$L($S, $T.$L, $L)", unique.nullsNotDistinct() ? "uniqueNullsNotDistinct" : "unique",
                                    unique.name(), DEFERRAL, unique.deferral().name(),
                                    columnList(table, unique.columns(), own, "unique constraint " + unique.name())))
                    .build());
        }
        for (ForeignKeySnapshot fk : layout.tableForeignKeys()) {
            CodeBlock.Builder init = CodeBlock.builder().add("foreignKey($S, $L)", fk.name(),
                    columnList(table, fk.columns(), own, "foreign key " + fk.name()));
            List<CodeBlock> targets = new ArrayList<>();
            for (int i = 0; i < fk.referencedColumns().size(); i++) {
                targets.add(target(table, fk, i, names));
            }
            init.add(".references($L)", CodeBlock.join(targets, ", "));
            if (!NO_ACTION.equals(fk.onDelete())) {
                init.add(".onDelete($T.$L)", REFERENTIAL_ACTION, action(table, fk, fk.onDelete()).name());
            }
            if (!NO_ACTION.equals(fk.onUpdate())) {
                init.add(".onUpdate($T.$L)", REFERENTIAL_ACTION, action(table, fk, fk.onUpdate()).name());
            }
            if (fk.deferral() != null) {
                init.add(".deferrable($T.$L)", DEFERRAL, fk.deferral().name());
            }
            if (fk.notValid()) {
                init.add(".notValid()");
            }
            builder.addField(FieldSpec.builder(FOREIGN_KEY, own.foreignKeys().get(fk.name()), Modifier.PUBLIC, Modifier.FINAL)
                    .initializer(init.build()).build());
        }
        for (CheckSnapshot check : table.checkConstraints().values()) {
            builder.addField(FieldSpec.builder(CHECK, own.checks().get(check.name()), Modifier.PUBLIC, Modifier.FINAL)
                    .initializer(check.noInherit() && check.notValid()
                            ? CodeBlock.of("check(new $T($S, $S, true, true))", CHECK, check.name(), check.expression())
                            : CodeBlock.of("$L($S, $S)", check.noInherit() ? "checkNoInherit" : check.notValid() ? "checkNotValid" : "check",
                                    check.name(), check.expression()))
                    .build());
        }
        for (ExclusionSnapshot exclusion : table.exclusions().values()) {
            CodeBlock.Builder init = CodeBlock.builder().add("exclude($S)", exclusion.name());
            IndexMethod method = indexMethod(table.key(), "Exclusion constraint " + exclusion.name(), exclusion.method());
            if (method != IndexMethod.GIST) {
                init.add(".using($T.$L)", INDEX_METHOD, method.name());
            }
            for (int i = 0; i < exclusion.keys().size(); i++) {
                IndexKeySnapshot key = exclusion.keys().get(i);
                CodeBlock code = key.isPlainColumn()
                        ? columnList(table, List.of(key.column()), own, "exclusion constraint " + exclusion.name())
                        : tableIndexKey(table, key, own, "exclusion constraint " + exclusion.name(), objects);
                init.add(".with($L, $S)", code, exclusion.operators().get(i));
            }
            if (exclusion.where() != null) {
                init.add(".where($S)", exclusion.where());
            }
            if (exclusion.deferral() != null) {
                init.add(".deferrable($T.$L)", DEFERRAL, exclusion.deferral().name());
            }
            builder.addField(FieldSpec.builder(EXCLUSION, own.exclusions().get(exclusion.name()), Modifier.PUBLIC, Modifier.FINAL)
                    .initializer(init.build()).build());
        }
        for (PolicySnapshot policy : table.policies().values()) {
            CodeBlock.Builder init = CodeBlock.builder().add("policy($S)", policy.name());
            if (PolicySnapshot.RESTRICTIVE.equals(policy.as())) {
                init.add(".restrictive()");
            }
            if (!policy.command().equals("all")) {
                init.add(".forCommand($T.Command.$L)", POLICY, policy.command().toUpperCase(java.util.Locale.ROOT));
            }
            if (!policy.to().equals(List.of(PolicySnapshot.PUBLIC))) {
                List<CodeBlock> roles = policy.to().stream().map(r -> CodeBlock.of("$S", r)).toList();
                init.add(".to($L)", CodeBlock.join(roles, ", "));
            }
            if (policy.using() != null) {
                init.add(".using($S)", policy.using());
            }
            if (policy.withCheck() != null) {
                init.add(".withCheck($S)", policy.withCheck());
            }
            builder.addField(FieldSpec.builder(POLICY, own.policies().get(policy.name()), Modifier.PUBLIC, Modifier.FINAL)
                    .initializer(init.build()).build());
        }
        for (IndexSnapshot index : table.indexes().values()) {
            CodeBlock.Builder init = CodeBlock.builder()
                    .add("$L($S)", index.unique() ? "uniqueIndex" : "index", index.name());
            if (index.keys().isEmpty()) {
                init.add(".on($L)", columnList(table, index.columns(), own, "index " + index.name()));
            } else {
                List<CodeBlock> keys = new ArrayList<>();
                for (IndexKeySnapshot key : index.keys()) {
                    keys.add(tableIndexKey(table, key, own, "index " + index.name(), objects));
                }
                init.add(".on($L)", CodeBlock.join(keys, ", "));
            }
            IndexMethod method = indexMethod(table, index);
            if (method != IndexMethod.BTREE) {
                init.add(".using($T.$L)", INDEX_METHOD, method.name());
            }
            index.with().forEach((parameter, value) -> init.add(".with($S, $S)", parameter, value));
            if (index.where() != null) {
                init.add(".where($S)", index.where());
            }
            if (index.nullsNotDistinct()) {
                init.add(".nullsNotDistinct()");
            }
            if (index.concurrently()) {
                init.add(".concurrently()");
            }
            if (!index.include().isEmpty()) {
                init.add(".include($L)", columnList(table, index.include(), own, "index " + index.name()));
            }
            builder.addField(FieldSpec.builder(INDEX, own.indexes().get(index.name()), Modifier.PUBLIC, Modifier.FINAL)
                    .initializer(init.build()).build());
        }

        for (TriggerSnapshot trigger : table.triggers().values()) {
            builder.addField(FieldSpec.builder(RoutineCode.TRIGGER,
                    names.triggerField(table.key(), trigger.name()), Modifier.PUBLIC, Modifier.FINAL)
                    .initializer(RoutineCode.trigger(trigger)).build());
        }

        boolean implicitSchema = table.schema().equals(dialect.defaultSchema()) && table.schema().equals("public");
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
                .addStatement(implicitSchema ? CodeBlock.of("super($S)", table.name())
                        : CodeBlock.of("super($S, $S)", table.schema(), table.name()));
        if (table.comment() != null) {
            constructor.addStatement("comment($S)", table.comment());
        }
        if (table.rowLevelSecurity()) {
            constructor.addStatement("enableRowLevelSecurity()");
        }
        if (table.forceRowLevelSecurity()) {
            constructor.addStatement("forceRowLevelSecurity()");
        }
        if (table.clusterOn() != null) {
            constructor.addStatement("clusterOn($S)", table.clusterOn());
        }
        table.with().forEach((parameter, value) -> constructor.addStatement("storageParameter($S, $S)", parameter, value));
        PartitionCode.statements(table, own, names, schema).forEach(constructor::addStatement);
        InheritanceCode.statements(table, snapshot, own, names, schema).forEach(constructor::addStatement);
        builder.addMethod(constructor.build());
        return builder.build();
    }

    /** {@code .startWith(10).incrementBy(5)}: the options as modifiers, or null when all are defaults. */
    private static CodeBlock sequenceOptions(SequenceOptions options) {
        CodeBlock.Builder code = CodeBlock.builder();
        if (options.increment() != null) {
            code.add(".incrementBy($L)", longLiteral(options.increment()));
        }
        if (options.minValue() != null) {
            code.add(".minValue($L)", longLiteral(options.minValue()));
        }
        if (options.maxValue() != null) {
            code.add(".maxValue($L)", longLiteral(options.maxValue()));
        }
        if (options.start() != null) {
            code.add(".startWith($L)", longLiteral(options.start()));
        }
        if (options.cache() != null) {
            code.add(".cache($L)", longLiteral(options.cache()));
        }
        if (options.isCycle()) {
            code.add(".cycle()");
        }
        return code.isEmpty() ? null : code.build();
    }

    private static String longLiteral(long value) {
        return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE ? Long.toString(value)
                : value == Long.MIN_VALUE ? "Long.MIN_VALUE" : value + "L";
    }

    /** {@code column("status", STATUS)}, with {@code .array()} for an array of the enum type. */
    private static ColumnTypes.Factory enumFactory(TableSnapshot table, ColumnSnapshot column, SchemaNames names) {
        String constant = names.enumConstant(column.userTypeKey());
        if (constant == null) {
            throw new SleetException("Column " + table.key() + "." + column.name() + " is of type " + column.userTypeKey()
                    + ", which is not among the enum types pulled: include its schema");
        }
        ClassName string = ClassName.get(String.class);
        return column.isArray()
                ? new ColumnTypes.Factory(CodeBlock.of("column($S, $L).array()", column.name(), constant),
                        com.palantir.javapoet.ArrayTypeName.of(string), String[].class)
                : new ColumnTypes.Factory(CodeBlock.of("column($S, $L)", column.name(), constant), string, String.class);
    }

    private static void requireColumns(TableSnapshot table, Collection<String> columns, String what) {
        for (String column : columns) {
            if (!table.columns().containsKey(column)) {
                throw new SleetException("A " + what + " of " + table.key() + " is over \"" + column
                        + "\", which is not a column of the table");
            }
        }
    }

    /** {@code () -> USERS.id}: the i-th referenced column of a foreign key, as a supplier. */
    private static CodeBlock target(TableSnapshot table, ForeignKeySnapshot fk, int i, SchemaNames names) {
        SchemaNames.TableNames target = names.table(fk.referencedKey());
        if (fk.columns().size() != fk.referencedColumns().size()) {
            throw new SleetException("Foreign key " + fk.name() + " on " + table.key() + " has " + fk.columns().size()
                    + " columns but references " + fk.referencedColumns().size());
        }
        if (target == null) {
            throw new SleetException("Foreign key " + fk.name() + " on " + table.key() + " references table "
                    + fk.referencedKey() + ", which is not among the tables pulled: include its schema");
        }
        String column = fk.referencedColumns().get(i);
        String field = target.column(column);
        if (field == null) {
            throw new SleetException("Foreign key " + fk.name() + " on " + table.key() + " references column "
                    + fk.referencedKey() + "." + column + ", which that table does not have");
        }
        return CodeBlock.of("() -> $L.$L", target.constant(), field);
    }

    /** A key of a table's index: {@code createdAt.desc()}, {@code IndexKey.expression("lower(title)")}. */
    private static CodeBlock tableIndexKey(TableSnapshot table, IndexKeySnapshot key, SchemaNames.TableNames own, String what,
                                           ObjectsWriter objects) {
        CodeBlock.Builder code = CodeBlock.builder();
        if (key.column() != null) {
            code.add("$L.$L()", columnList(table, List.of(key.column()), own, what), key.descending() ? "desc" : "asc");
        } else {
            code.add("$T.expression($S)", INDEX_KEY, key.expression());
            if (key.descending()) {
                code.add(".desc()");
            }
        }
        return keyOptions(code, key, objects, what + " of " + table.key());
    }

    /** A key of a materialized view's index, whose columns are named: {@code IndexKey.column("day")}. */
    private static CodeBlock viewIndexKey(IndexKeySnapshot key, ObjectsWriter objects, String what) {
        CodeBlock.Builder code = CodeBlock.builder();
        if (key.column() != null) {
            code.add("$T.column($S)", INDEX_KEY, key.column());
        } else {
            code.add("$T.expression($S)", INDEX_KEY, key.expression());
        }
        if (key.descending()) {
            code.add(".desc()");
        }
        return keyOptions(code, key, objects, what);
    }

    private static CodeBlock keyOptions(CodeBlock.Builder code, IndexKeySnapshot key, ObjectsWriter objects, String what) {
        if (key.nulls() != null) {
            code.add(key.nulls().equals(IndexKeySnapshot.FIRST) ? ".nullsFirst()" : ".nullsLast()");
        }
        if (key.opclass() != null) {
            code.add(".opclass($S)", key.opclass());
        }
        if (key.collation() != null) {
            code.add(".collate($L)", objects.collation(key.collation(), key.collationSchema(), what));
        }
        return code.build();
    }

    private static CodeBlock columnList(TableSnapshot table, List<String> columns, SchemaNames.TableNames own, String what) {
        List<CodeBlock> fields = new ArrayList<>();
        for (String column : columns) {
            String field = own.column(column);
            if (field == null) {
                throw new SleetException("The " + what + " on " + table.key() + " is over \"" + column
                        + "\", which is not a column of the table");
            }
            fields.add(CodeBlock.of("$L", field));
        }
        return CodeBlock.join(fields, ", ");
    }

    private static ReferentialAction action(TableSnapshot table, ForeignKeySnapshot fk, String sql) {
        try {
            return ReferentialAction.fromSql(sql);
        } catch (IllegalArgumentException e) {
            throw new SleetException("Foreign key " + fk.name() + " on " + table.key() + " has the unknown action \"" + sql + "\"");
        }
    }

    private static IndexMethod indexMethod(TableSnapshot table, IndexSnapshot index) {
        return indexMethod(table.key(), "Index " + index.name(), index.method());
    }

    private static IndexMethod indexMethod(String owner, String what, String method) {
        try {
            return IndexMethod.fromSql(method == null ? "btree" : method);
        } catch (IllegalArgumentException e) {
            throw new SleetException(what + " on " + owner + " uses the access method \""
                    + method + "\", which schema code cannot declare (it knows btree, hash, gin, gist, brin, spgist)");
        }
    }

    /** {@code .index(Index.forView("name").on(IndexKey.column("c")))} for an index of a materialized view. */
    private static CodeBlock viewIndex(ViewSnapshot view, IndexSnapshot index, ObjectsWriter objects) {
        CodeBlock.Builder code = CodeBlock.builder().add("$T.$L($S)", INDEX, index.unique() ? "uniqueForView" : "forView", index.name());
        List<CodeBlock> keys = new ArrayList<>();
        for (IndexKeySnapshot key : index.allKeys()) {
            keys.add(viewIndexKey(key, objects, "index " + index.name() + " of " + view.key()));
        }
        code.add(".on($L)", CodeBlock.join(keys, ", "));
        IndexMethod method = indexMethod(view.key(), "Index " + index.name(), index.method());
        if (method != IndexMethod.BTREE) {
            code.add(".using($T.$L)", INDEX_METHOD, method.name());
        }
        index.with().forEach((parameter, value) -> code.add(".with($S, $S)", parameter, value));
        if (index.where() != null) {
            code.add(".where($S)", index.where());
        }
        if (index.nullsNotDistinct()) {
            code.add(".nullsNotDistinct()");
        }
        if (index.concurrently()) {
            code.add(".concurrently()");
        }
        if (!index.include().isEmpty()) {
            code.add(".include($L)", CodeBlock.join(index.include().stream().map(c -> CodeBlock.of("$S", c)).toList(), ", "));
        }
        return CodeBlock.of(".index($L)", code.build());
    }

    /** JavaPoet's output, with runs of one-line field declarations kept together as one writes them by hand. */
    static String render(String pkg, TypeSpec type, ClassName staticImports, List<String> staticNames) {
        JavaFile.Builder file = JavaFile.builder(pkg, type).skipJavaLangImports(true).indent("  ")
                .addFileComment(FILE_COMMENT);
        if (staticImports != null && !staticNames.isEmpty()) {
            file.addStaticImport(staticImports, staticNames.toArray(String[]::new));
        }
        String text = file.build().toString();
        String emptyConstructor = "  private " + type.name() + "() {\n  }\n";
        text = text.replace(emptyConstructor, "  private " + type.name() + "() {}\n");
        return compactFields(text);
    }

    private static String compactFields(String text) {
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < lines.length; i++) {
            boolean blank = lines[i].isEmpty();
            if (blank && i > 0 && i + 1 < lines.length && isOneLineField(lines[i - 1]) && isOneLineField(lines[i + 1])
                    && indent(lines[i - 1]) == indent(lines[i + 1])) {
                continue;
            }
            out.append(lines[i]);
            if (i + 1 < lines.length) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static boolean isOneLineField(String line) {
        String trimmed = line.trim();
        return (trimmed.startsWith("public final ") || trimmed.startsWith("public static final "))
                && trimmed.contains(" = ") && trimmed.endsWith(";");
    }

    private static int indent(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }
}
