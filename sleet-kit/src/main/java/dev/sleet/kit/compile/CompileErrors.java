package dev.sleet.kit.compile;

import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;

/** javac's errors as a message a user reads in a terminal: one error per line, as {@code file:line:col: error: ...}. */
final class CompileErrors {

    private CompileErrors() {}

    static String format(List<Diagnostic<? extends JavaFileObject>> errors, String compilerOutput) {
        StringBuilder out = new StringBuilder("The schema code does not compile");
        if (errors.isEmpty()) {
            out.append(compilerOutput.isBlank() ? "" : ":\n" + compilerOutput.strip());
            return out.toString();
        }
        out.append(" (").append(errors.size()).append(errors.size() == 1 ? " error" : " errors").append("):");
        for (Diagnostic<? extends JavaFileObject> error : errors) {
            out.append('\n').append(format(error));
        }
        return out.toString();
    }

    private static String format(Diagnostic<? extends JavaFileObject> error) {
        String[] message = error.getMessage(Locale.ROOT).split("\\R");
        StringBuilder out = new StringBuilder();
        JavaFileObject source = error.getSource();
        if (source != null) {
            out.append(display(source));
            if (error.getLineNumber() != Diagnostic.NOPOS) {
                out.append(':').append(error.getLineNumber());
                if (error.getColumnNumber() != Diagnostic.NOPOS) {
                    out.append(':').append(error.getColumnNumber());
                }
            }
            out.append(": ");
        }
        out.append("error: ").append(message[0]);
        String line = sourceLine(source, error.getLineNumber());
        if (line != null) {
            out.append('\n').append(line);
            if (error.getColumnNumber() != Diagnostic.NOPOS && error.getColumnNumber() >= 1) {
                out.append('\n').append(caret(line, (int) error.getColumnNumber()));
            }
        }
        for (int i = 1; i < message.length; i++) {
            out.append('\n').append(message[i]);
        }
        return out.toString();
    }

    /** The file's path, relative to the working directory when it lies beneath it. */
    private static String display(JavaFileObject source) {
        try {
            Path path = Paths.get(source.toUri()).toAbsolutePath().normalize();
            Path cwd = Paths.get("").toAbsolutePath().normalize();
            return path.startsWith(cwd) && !path.equals(cwd) ? cwd.relativize(path).toString() : path.toString();
        } catch (RuntimeException e) {
            return source.getName();
        }
    }

    private static String sourceLine(JavaFileObject source, long lineNumber) {
        if (source == null || lineNumber == Diagnostic.NOPOS || lineNumber < 1) {
            return null;
        }
        try {
            String[] lines = source.getCharContent(true).toString().split("\\R", -1);
            return lineNumber <= lines.length ? lines[(int) lineNumber - 1].stripTrailing() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A caret under column {@code column} (1-based, tabs kept so that it lines up). */
    private static String caret(String line, int column) {
        StringBuilder caret = new StringBuilder();
        for (int i = 0; i < column - 1 && i < line.length(); i++) {
            caret.append(line.charAt(i) == '\t' ? '\t' : ' ');
        }
        return caret.append('^').toString();
    }
}
