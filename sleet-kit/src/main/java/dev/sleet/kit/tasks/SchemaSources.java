package dev.sleet.kit.tasks;

import dev.sleet.kit.SleetException;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Resolves the config's {@code schema} entries (files, folders or globs of {@code .java} files,
 * relative to the config's folder) to a sorted list of source files.
 */
final class SchemaSources {

    private SchemaSources() {}

    static List<Path> resolve(Path base, List<String> entries) {
        TreeSet<Path> files = new TreeSet<>();
        for (String entry : entries) {
            if (entry.contains("*") || entry.contains("?") || entry.contains("[") || entry.contains("{")) {
                List<Path> matched = glob(base, entry);
                if (matched.isEmpty()) {
                    throw new SleetException("schema entry \"" + entry + "\" matches no .java file under " + base);
                }
                files.addAll(matched);
                continue;
            }
            Path path = base.resolve(entry).normalize();
            if (Files.isDirectory(path)) {
                List<Path> inFolder = walk(path, p -> true);
                if (inFolder.isEmpty()) {
                    throw new SleetException("schema folder " + path + " holds no .java file");
                }
                files.addAll(inFolder);
            } else if (Files.isRegularFile(path)) {
                if (!path.toString().endsWith(".java")) {
                    throw new SleetException("schema entry " + path + " is not a .java file");
                }
                files.add(path);
            } else {
                throw new SleetException("schema file " + path + " not found (from schema entry \"" + entry + "\")");
            }
        }
        return new ArrayList<>(files);
    }

    private static List<Path> glob(Path base, String pattern) {
        String normalized = pattern.startsWith("./") ? pattern.substring(2) : pattern;
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + normalized);
        return walk(base, p -> matcher.matches(base.relativize(p)));
    }

    private static List<Path> walk(Path root, java.util.function.Predicate<Path> filter) {
        try (Stream<Path> stream = Files.walk(root)) {
            return stream.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.git/"))
                    .filter(filter).map(Path::normalize).sorted().toList();
        } catch (IOException e) {
            throw new SleetException("Cannot list " + root + ": " + e.getMessage());
        }
    }
}
