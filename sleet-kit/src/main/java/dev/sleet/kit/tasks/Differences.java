package dev.sleet.kit.tasks;

import dev.sleet.kit.diff.Change;
import dev.sleet.kit.snapshot.ColumnSnapshot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Describes, in plain words, how a database differs from what the migrations say it should be: the
 * changes of {@code Differ.diff(expected, actual)}, read as "the database has ... / lacks ...".
 */
final class Differences {

    private Differences() {}

    static List<String> describe(List<Change> changes) {
        // A key or index that was dropped and added again under one name differs rather than being extra and missing.
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (Change change : changes) {
            String kind = kind(change);
            if (kind != null) {
                seen.merge(kind + " " + change.subject(), 1, Integer::sum);
            }
        }
        List<String> lines = new ArrayList<>();
        List<String> differing = new ArrayList<>();
        for (Change change : changes) {
            String kind = kind(change);
            if (kind != null && seen.get(kind + " " + change.subject()) > 1) {
                String line = kind + " " + change.subject() + " differs between the database and the migrations";
                if (!differing.contains(line)) {
                    differing.add(line);
                    lines.add(line);
                }
                continue;
            }
            lines.add(describe(change));
        }
        return lines;
    }

    private static String kind(Change change) {
        if (change instanceof Change.AddPrimaryKey || change instanceof Change.DropPrimaryKey) {
            return "primary key";
        }
        if (change instanceof Change.AddUnique || change instanceof Change.DropUnique) {
            return "unique constraint";
        }
        if (change instanceof Change.AddForeignKey || change instanceof Change.DropForeignKey) {
            return "foreign key";
        }
        if (change instanceof Change.CreateIndex || change instanceof Change.DropIndex) {
            return "index";
        }
        return null;
    }

    static String describe(Change change) {
        String s = change.subject();
        if (change instanceof Change.CreateSchema) {
            return "the database has schema " + s + ", which the migrations do not create";
        }
        if (change instanceof Change.DropSchema) {
            return "schema " + s + " is missing from the database";
        }
        if (change instanceof Change.CreateTable) {
            return "the database has table " + s + ", which the migrations do not create";
        }
        if (change instanceof Change.DropTable) {
            return "table " + s + " is missing from the database";
        }
        if (change instanceof Change.AddColumn) {
            return "the database has column " + s + ", which the migrations do not create";
        }
        if (change instanceof Change.DropColumn) {
            return "column " + s + " is missing from the database";
        }
        if (change instanceof Change.AlterColumn c) {
            return "column " + s + " differs: " + String.join("; ", columnDifferences(c.from(), c.to()));
        }
        if (change instanceof Change.AddPrimaryKey || change instanceof Change.AddUnique
                || change instanceof Change.AddForeignKey || change instanceof Change.CreateIndex) {
            return "the database has " + kind(change) + " " + s + ", which the migrations do not create";
        }
        if (change instanceof Change.DropPrimaryKey || change instanceof Change.DropUnique
                || change instanceof Change.DropForeignKey || change instanceof Change.DropIndex) {
            return kind(change) + " " + s + " is missing from the database";
        }
        return "the database differs from the migrations: " + change;
    }

    private static List<String> columnDifferences(ColumnSnapshot expected, ColumnSnapshot actual) {
        List<String> parts = new ArrayList<>();
        if (!expected.type().equals(actual.type())) {
            parts.add("type " + actual.type() + " in the database, " + expected.type() + " in the migrations");
        }
        if (expected.notNull() != actual.notNull()) {
            parts.add(actual.notNull() ? "NOT NULL in the database only" : "NOT NULL in the migrations only");
        }
        if (expected.serial() != actual.serial()) {
            parts.add(actual.serial() ? "serial in the database only" : "serial in the migrations only");
        }
        if (!Objects.equals(expected.defaultValue(), actual.defaultValue())) {
            parts.add("default " + (actual.defaultValue() == null ? "none" : actual.defaultValue()) + " in the database, "
                    + (expected.defaultValue() == null ? "none" : expected.defaultValue()) + " in the migrations");
        }
        if (parts.isEmpty()) {
            parts.add(actual + " in the database, " + expected + " in the migrations");
        }
        return parts;
    }
}
