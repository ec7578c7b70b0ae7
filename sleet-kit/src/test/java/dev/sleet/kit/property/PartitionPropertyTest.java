package dev.sleet.kit.property;

import dev.sleet.kit.diff.Renames;
import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.kit.snapshot.IndexSnapshot;
import dev.sleet.kit.snapshot.KeySnapshot;
import dev.sleet.kit.snapshot.PartitionKeySnapshot;
import dev.sleet.kit.snapshot.PartitionSnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.TableSnapshot;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Property: a random partitioned table (range, list or hash, odd names, a default partition, a
 * sub-partitioned partition, a key on the parent, an index on one partition) is built by the
 * migration for it and reads back as itself; its schema code reads back as itself; and moving the
 * partitions' bounds migrates the database to exactly the new layout.
 */
class PartitionPropertyTest {

    private static PropertyDatabase db;
    private static Path dir;

    @BeforeContainer
    static void create() throws IOException {
        db = PropertyDatabase.create("sleet_property_parts11");
        dir = Files.createTempDirectory("sleet-property-partitions");
    }

    @AfterContainer
    static void drop() {
        if (db != null) {
            db.close();
        }
    }

    @Property(tries = 25)
    void partitionsRoundTrip(@ForAll long seed) throws IOException {
        Random random = new Random(seed);
        int strategy = random.nextInt(3);
        Snapshot schema = layout(new Random(seed), strategy, 0);
        RoundTrips.ddl(db, schema);
        RoundTrips.code(schema, Files.createTempDirectory(dir, "src"), dir.resolve("cache"));
        if (strategy == 0) {
            RoundTrips.migration(db, schema, layout(new Random(seed), strategy, 1 + random.nextInt(20)), Renames.NONE);
        }
    }

    /** A partitioned table and its partitions; {@code shift} moves every inner range boundary up. */
    private static Snapshot layout(Random random, int strategy, int shift) {
        Names names = new Names(1);
        Set<String> taken = new HashSet<>();
        String parent = unique(names, random, taken);
        Map<String, ColumnSnapshot> columns = new LinkedHashMap<>();
        String id = "id";
        String key = random.nextBoolean() ? "k" : "K \"ey";
        columns.put(id, new ColumnSnapshot(id, "integer", false, true, null, null, null, null, null));
        columns.put(key, new ColumnSnapshot(key, strategy == 1 ? "text" : "integer", false, true, null, null, null, null, null));
        columns.put("note", new ColumnSnapshot("note", "text", false, false, null, null, null, null, null));
        SortedMap<String, TableSnapshot> tables = new TreeMap<>();
        String strategyName = List.of("range", "list", "hash").get(strategy);
        KeySnapshot pk = random.nextBoolean() ? new KeySnapshot(parent + "_pk", List.of(id, key)) : null;
        tables.put("public." + parent, new TableSnapshot("public", parent, columns, pk, null, null, null, null, null, null,
                false, false, null, new PartitionSnapshot(strategyName, List.of(new PartitionKeySnapshot(key, null)), null, null, null)));
        List<String> bounds = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        if (strategy == 0) {
            int at = random.nextInt(100) - 50;
            List<String> points = new ArrayList<>();
            points.add(random.nextBoolean() ? "MINVALUE" : printed(at - 1000));
            for (int i = 0; i < count - 1; i++) {
                at += 1 + random.nextInt(30) + shift;
                points.add(printed(at));
            }
            points.add(random.nextBoolean() ? "MAXVALUE" : printed(at + 1000 + shift * count));
            for (int i = 0; i < count; i++) {
                bounds.add("FOR VALUES FROM (" + points.get(i) + ") TO (" + points.get(i + 1) + ")");
            }
        } else if (strategy == 1) {
            List<String> values = new ArrayList<>(List.of("a", "it''s", "Ä", "NULL", "b c", "z"));
            java.util.Collections.shuffle(values, random);
            for (int i = 0; i < Math.min(count, 3); i++) {
                bounds.add("FOR VALUES IN ('" + values.get(2 * i) + "', '" + values.get(2 * i + 1) + "')");
            }
        } else {
            for (int i = 0; i < count; i++) {
                bounds.add("FOR VALUES WITH (modulus " + count + ", remainder " + i + ")");
            }
        }
        if (strategy != 2 && random.nextBoolean()) {
            bounds.add("DEFAULT");
        }
        int sub = random.nextInt(bounds.size() + 1);
        int indexed = random.nextInt(bounds.size());
        for (int i = 0; i < bounds.size(); i++) {
            String name = unique(names, random, taken);
            SortedMap<String, IndexSnapshot> indexes = new TreeMap<>();
            if (i == indexed) {
                String index = unique(names, random, taken);
                indexes.put(index, new IndexSnapshot(index, List.of("note"), false, "btree"));
            }
            boolean subPartitioned = i == sub;
            tables.put("public." + name, new TableSnapshot("public", name, Map.of(), null, null, null, indexes, null, null, null,
                    false, false, null, new PartitionSnapshot(subPartitioned ? "hash" : null,
                    subPartitioned ? List.of(new PartitionKeySnapshot(id, null)) : List.of(), "public", parent, bounds.get(i))));
            if (subPartitioned) {
                for (int r = 0; r < 2; r++) {
                    String leaf = unique(names, random, taken);
                    tables.put("public." + leaf, new TableSnapshot("public", leaf, Map.of(), null, null, null, null, null, null,
                            null, false, false, null, new PartitionSnapshot(null, List.of(), "public", name,
                            "FOR VALUES WITH (modulus 2, remainder " + r + ")")));
                }
            }
        }
        return new Snapshot(Snapshot.CURRENT_VERSION, "postgresql", Snapshot.NO_PARENT, "", new TreeSet<>(), tables);
    }

    /** An integer bound as PostgreSQL prints it: a negative one quoted. */
    private static String printed(int value) {
        return value < 0 ? "'" + value + "'" : Integer.toString(value);
    }

    /** A table or index name not yet taken (they share one namespace per schema), and none that is a partition's key copy. */
    private static String unique(Names names, Random random, Set<String> taken) {
        for (int i = 0; ; i++) {
            String name = names.next(random, "t");
            if (Names.bytes(name) <= 50 && taken.add(name)) {
                return name;
            }
            if (i > 50) {
                String fallback = "t" + taken.size() + "_" + i;
                taken.add(fallback);
                return fallback;
            }
        }
    }
}
