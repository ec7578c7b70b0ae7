package dev.sleet.kit;

import dev.sleet.kit.internal.WriteHook;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes files so that a crash (kill -9, power loss) leaves the old content or the new one, never a
 * part: the content goes to a temporary file in the same folder, is forced to disk, and is renamed
 * over the file ({@code ATOMIC_MOVE}; a plain replacing move where the file system cannot). The
 * folder is forced too, so the rename itself survives. A temporary file that a crash left behind
 * ends in {@value #TEMPORARY_SUFFIX}; {@link #removeTemporaryFiles} clears them.
 */
public final class AtomicFiles {

    /** How the name of a temporary file ends: {@code .<name>.sleet-tmp}, hidden, and never a {@code .sql} or {@code .java}. */
    public static final String TEMPORARY_SUFFIX = ".sleet-tmp";

    private AtomicFiles() {}

    /** Replaces (or creates) {@code file} with {@code content} in UTF-8, creating its folder. */
    public static void write(Path file, String content) {
        Path folder = file.toAbsolutePath().getParent();
        Path temporary = folder.resolve("." + file.getFileName() + TEMPORARY_SUFFIX);
        try {
            Files.createDirectories(folder);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            WriteHook.reached("written " + temporary.getFileName());
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
            WriteHook.reached("moved " + file.getFileName());
            forceFolder(folder);
        } catch (IOException e) {
            throw new SleetException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Deletes {@code file} if it exists; returns whether it did. */
    public static boolean delete(Path file) {
        try {
            boolean deleted = Files.deleteIfExists(file);
            if (deleted) {
                WriteHook.reached("deleted " + file.getFileName());
                forceFolder(file.toAbsolutePath().getParent());
            }
            return deleted;
        } catch (IOException e) {
            throw new SleetException("Cannot delete " + file + ": " + e.getMessage(), e);
        }
    }

    /** The temporary files an interrupted write left in {@code folder} (not below it). */
    public static List<Path> temporaryFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(TEMPORARY_SUFFIX)).sorted().toList();
        } catch (IOException e) {
            throw new SleetException("Cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Deletes what {@link #temporaryFiles} finds; returns the files deleted. */
    public static List<Path> removeTemporaryFiles(Path folder) {
        List<Path> removed = new ArrayList<>();
        for (Path file : temporaryFiles(folder)) {
            if (delete(file)) {
                removed.add(file);
            }
        }
        return removed;
    }

    /** Makes a rename or delete in {@code folder} durable; a file system that cannot open a folder (Windows) is left as it is. */
    private static void forceFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Not supported here: the rename is still atomic, only its durability is up to the OS.
        }
    }
}
