package dev.sleet.kit.compile;

import dev.sleet.kit.SleetException;
import dev.sleet.schema.SchemaObject;
import dev.sleet.schema.Table;
import dev.sleet.schema.TableRelations;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Compiles schema code in-process with the JDK's compiler, against Sleet core only, into a cache
 * keyed by the sources' content: an unchanged schema is not compiled again.
 *
 * <p>Each compilation goes into {@code <cacheDir>/<sha-256>/classes}, written first to a temporary
 * directory beside it and moved into place when complete, so that a crashed or concurrent run never
 * leaves a half-written entry. The default cache directory is {@code $SLEET_CACHE_DIR/compiled},
 * else {@code $XDG_CACHE_HOME/sleet/compiled}, else {@code ~/.cache/sleet/compiled}.
 */
public final class SchemaCompiler {

    /** Bumped whenever the layout of a cache entry or the compiler options change. */
    private static final String CACHE_FORMAT = "sleet-schema-cache-1";
    private static final String MARKER = "complete";
    private static final List<String> OPTIONS = List.of("-proc:none", "-encoding", "UTF-8", "--release", "17",
            "-parameters", "-nowarn");
    /** Temporary folders older than this were left by a crashed run and are removed. */
    private static final long STALE_TEMP_MILLIS = 60 * 60 * 1000L;
    /**
     * Entries not used for this long are removed when a new one is written: every edit of a schema
     * makes an entry, and nothing else would ever clear them. A hit marks its entry as used.
     */
    static final long UNUSED_ENTRY_MILLIS = 30L * 24 * 60 * 60 * 1000;

    /**
     * The classes compiled from a schema's sources.
     *
     * @param classesDir the directory holding the class files, in package folders
     * @param classNames the binary names of every class compiled, sorted
     * @param cached true when the classes came from the cache and javac did not run
     */
    public record CompiledSchema(Path classesDir, List<String> classNames, boolean cached) {

        public CompiledSchema {
            classNames = List.copyOf(classNames);
        }

        /** Loads the classes and reads the tables and relations they declare. */
        public LoadedSchema load() {
            return SchemaLoader.load(this);
        }
    }

    /**
     * What the schema code declares, in a deterministic order: tables by declaring class and field
     * name, relations likewise.
     */
    public record LoadedSchema(List<Table<?>> tables, List<TableRelations> relations, List<SchemaObject> objects) {

        public LoadedSchema {
            tables = List.copyOf(tables);
            relations = List.copyOf(relations);
            objects = List.copyOf(objects);
        }

        public LoadedSchema(List<Table<?>> tables, List<TableRelations> relations) {
            this(tables, relations, List.of());
        }
    }

    private final Path cacheDir;

    private SchemaCompiler(Path cacheDir) {
        this.cacheDir = cacheDir.toAbsolutePath().normalize();
    }

    /** A compiler caching under the default cache directory (see the class comment). */
    public static SchemaCompiler create() {
        return new SchemaCompiler(defaultCacheDir(System.getenv()));
    }

    /** A compiler caching under {@code cacheDir}: each compilation is a folder named by its hash. */
    public static SchemaCompiler withCacheDir(Path cacheDir) {
        return new SchemaCompiler(cacheDir);
    }

    public Path cacheDir() {
        return cacheDir;
    }

    static Path defaultCacheDir(Map<String, String> env) {
        String sleet = env.get("SLEET_CACHE_DIR");
        if (sleet != null && !sleet.isBlank()) {
            return Paths.get(sleet).resolve("compiled");
        }
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Paths.get(xdg).isAbsolute()) {
            return Paths.get(xdg).resolve("sleet").resolve("compiled");
        }
        return Paths.get(System.getProperty("user.home"), ".cache", "sleet", "compiled");
    }

    /** Compiles the sources (or finds them compiled), then loads the tables and relations they declare. */
    public LoadedSchema load(List<Path> sources) {
        return compile(sources).load();
    }

    /**
     * Compiles the sources, or returns the cached classes of an identical earlier compilation.
     *
     * @throws SleetException listing javac's errors, one per line as {@code path/File.java:LINE:COL: error: ...};
     *     nothing is written to the cache then
     */
    public CompiledSchema compile(List<Path> sources) {
        if (sources.isEmpty()) {
            throw new SleetException("No schema source files to compile: check the schema entries of the config");
        }
        List<Path> files = sources.stream().map(p -> p.toAbsolutePath().normalize()).distinct().sorted().toList();
        Path core = coreLocation();
        String hash = hash(files, core);
        Path entry = cacheDir.resolve(hash);
        Path classes = entry.resolve("classes");
        if (Files.isRegularFile(entry.resolve(MARKER))) {
            markUsed(entry);
            return new CompiledSchema(classes, classNames(classes), true);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new SleetException("Compiling the schema code needs the Java compiler, which the Java runtime at "
                    + System.getProperty("java.home") + " does not have: a JDK is needed, not a JRE");
        }
        Path temp = null;
        try {
            Files.createDirectories(cacheDir);
            removeLeftovers();
            temp = Files.createTempDirectory(cacheDir, hash.substring(0, 12) + ".tmp-");
            Path tempClasses = Files.createDirectory(temp.resolve("classes"));
            runJavac(javac, files, core, tempClasses);
            Files.writeString(temp.resolve(MARKER), String.join("\n", files.stream().map(Path::toString).toList()) + "\n");
            publish(temp, entry);
            temp = null;
            return new CompiledSchema(classes, classNames(classes), false);
        } catch (IOException e) {
            throw new SleetException("Cannot write the compiled schema to " + cacheDir + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                deleteQuietly(temp);
            }
        }
    }

    private static void runJavac(JavaCompiler javac, List<Path> files, Path core, Path output) throws IOException {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            fileManager.setLocationFromPaths(StandardLocation.CLASS_PATH, List.of(core));
            fileManager.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(output));
            fileManager.setLocationFromPaths(StandardLocation.SOURCE_PATH, List.of());
            Iterable<? extends JavaFileObject> units = fileManager.getJavaFileObjectsFromPaths(files);
            StringWriter noise = new StringWriter();
            Boolean ok;
            try {
                ok = javac.getTask(noise, fileManager, diagnostics, OPTIONS, null, units).call();
            } catch (RuntimeException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                throw new SleetException("The Java compiler failed on the schema code: " + cause, e);
            }
            List<Diagnostic<? extends JavaFileObject>> errors = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
            if (!Boolean.TRUE.equals(ok) || !errors.isEmpty()) {
                throw new SleetException(CompileErrors.format(errors, noise.toString()));
            }
        }
    }

    /** Moves a finished compilation into place; another process may have got there first, which is fine. */
    private static void publish(Path temp, Path entry) throws IOException {
        try {
            Files.move(temp, entry, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, entry);
        } catch (IOException e) {
            if (Files.isRegularFile(entry.resolve(MARKER))) {
                deleteQuietly(temp);
            } else if (Files.exists(entry)) {
                // An entry without its marker was not written by this class: replace it.
                deleteQuietly(entry);
                Files.move(temp, entry, StandardCopyOption.ATOMIC_MOVE);
            } else {
                throw e;
            }
        }
    }

    /** The marker's time stamp is the entry's last use; a read-only cache simply keeps its old one. */
    private static void markUsed(Path entry) {
        try {
            Files.setLastModifiedTime(entry.resolve(MARKER), FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException ignored) {
            // best effort
        }
    }

    /**
     * Removes temporary folders that crashed runs left behind (never read as cache entries) and
     * entries unused for {@link #UNUSED_ENTRY_MILLIS}.
     */
    private void removeLeftovers() {
        long now = System.currentTimeMillis();
        try (Stream<Path> list = Files.list(cacheDir)) {
            list.forEach(p -> {
                try {
                    boolean temporary = p.getFileName().toString().contains(".tmp-");
                    if (temporary && Files.getLastModifiedTime(p).toMillis() < now - STALE_TEMP_MILLIS
                            || !temporary && Files.isRegularFile(p.resolve(MARKER))
                            && Files.getLastModifiedTime(p.resolve(MARKER)).toMillis() < now - UNUSED_ENTRY_MILLIS) {
                        deleteQuietly(p);
                    }
                } catch (IOException ignored) {
                    // another run may have just removed it
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }

    /** Where {@link Table} is loaded from: Sleet core's jar, or its classes folder. */
    static Path coreLocation() {
        CodeSource source = Table.class.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        if (location == null) {
            throw new SleetException("Cannot tell where the Sleet core classes are loaded from, to compile the schema against them");
        }
        try {
            return Paths.get(location.toURI()).toAbsolutePath().normalize();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new SleetException("The Sleet core classes are loaded from " + location
                    + ", which is not a file or folder the Java compiler can read", e);
        }
    }

    /** SHA-256 over the cache format, each source's path and content, and Sleet core's location and age. */
    static String hash(List<Path> files, Path core) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            update(digest, CACHE_FORMAT);
            update(digest, String.join(" ", OPTIONS));
            for (Path file : files) {
                update(digest, "source " + file);
                byte[] content;
                try {
                    content = Files.readAllBytes(file);
                } catch (IOException e) {
                    throw new SleetException("Cannot read schema source " + file + ": " + e.getMessage(), e);
                }
                update(digest, Integer.toString(content.length));
                digest.update(content);
            }
            update(digest, "core " + core + " " + lastModified(core));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) ':');
        digest.update(bytes);
    }

    /** A jar's modification time; for a classes folder, the newest file in it and their number. */
    private static String lastModified(Path core) {
        try {
            if (!Files.isDirectory(core)) {
                return Files.getLastModifiedTime(core).toString();
            }
            try (Stream<Path> walk = Files.walk(core)) {
                long[] newest = {0, 0};
                walk.filter(Files::isRegularFile).forEach(p -> {
                    try {
                        FileTime time = Files.getLastModifiedTime(p);
                        newest[0] = Math.max(newest[0], time.toMillis());
                        newest[1]++;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                return newest[0] + "/" + newest[1];
            }
        } catch (IOException | UncheckedIOException e) {
            return "unknown";
        }
    }

    /** The binary names of the class files under {@code classes}, sorted. */
    static List<String> classNames(Path classes) {
        TreeSet<String> names = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(classes)) {
            walk.filter(Files::isRegularFile).forEach(file -> {
                String relative = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                if (relative.endsWith(".class")) {
                    String name = relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
                    if (!name.equals("module-info") && !name.endsWith("package-info")) {
                        names.add(name);
                    }
                }
            });
        } catch (IOException e) {
            throw new SleetException("Cannot list the compiled schema classes in " + classes + ": " + e.getMessage(), e);
        }
        return new ArrayList<>(names);
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a leftover temporary folder is never mistaken for a cache entry
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
