package dev.tva.course;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/*
 * The student never rebuilds: each check compiles the exercise's package from source, now, with the JDK's own
 * compiler (javax.tools), against the running JVM's class path, into a folder of its own. The class files there come
 * first on the check JVM's class path, so they win over the copies the normal build put in the lab's jar.
 */

/** Compiles one exercise's package (the student's or the solution's) and reports javac's first error as javac prints it. */
final class StudentCompiler {
    private StudentCompiler() {
    }

    /** javac's first error, {@code path:line: error: message} with the source line and caret, and how many errors there were. */
    record CompileError(String firstError, int errors) {
    }

    /**
     * The {@code .java} files of {@code source}'s package.
     *
     * @throws ExerciseException when the package's folder, its files or a compiler is missing
     */
    static List<Path> sources(Path root, Source source, String packageName) throws IOException {
        Path folder = root.resolve(source.packageFolder(packageName));
        if (!Files.isDirectory(folder)) {
            throw new ExerciseException(source == Source.SOLUTION
                    ? "this copy has no reference solutions (" + source.folder() + "): they are the teacher's, kept out of students' copies"
                    : "found no " + source.packageFolder(packageName) + " in " + root);
        }
        if (ToolProvider.getSystemJavaCompiler() == null) {
            throw new ExerciseException("this Java (" + System.getProperty("java.home") + ") has no compiler: run the lab on a JDK, not a JRE");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new ExerciseException("found no .java file in " + source.packageFolder(packageName));
        }
        return files;
    }

    /** Compiles every {@code .java} file of {@code source}'s package into {@code classes}; empty when it compiled. */
    static Optional<CompileError> compile(Path root, Source source, String packageName, Path classes) throws IOException {
        List<Path> files = sources(root, source, packageName);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Files.createDirectories(classes);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("--release", "21", "-proc:none", "-implicit:none", "-nowarn", "-encoding", "UTF-8",
                    "-d", classes.toString(), "-classpath", ClassPath.current());
            boolean compiled = javac.getTask(new StringWriter(), fileManager, diagnostics, options, null,
                    fileManager.getJavaFileObjectsFromPaths(files)).call();
            List<Diagnostic<? extends JavaFileObject>> errors = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
            if (compiled && errors.isEmpty()) {
                return Optional.empty();
            }
            if (errors.isEmpty()) {
                return Optional.of(new CompileError("javac failed without saying why", 1));
            }
            return Optional.of(new CompileError(format(root, errors.getFirst()), errors.size()));
        }
    }

    /** As javac prints it: {@code path:line: error: first line}, the source line, a caret under the column, the rest. */
    private static String format(Path root, Diagnostic<? extends JavaFileObject> error) throws IOException {
        String[] message = error.getMessage(Locale.ROOT).split("\\R", 2);
        if (error.getSource() == null) {
            return "error: " + String.join(System.lineSeparator(), message);
        }
        Path file = Path.of(error.getSource().toUri());
        Path shown = file.startsWith(root) ? root.relativize(file) : file;
        StringBuilder text = new StringBuilder(shown.toString().replace(File.separatorChar, '/'))
                .append(':').append(error.getLineNumber()).append(": error: ").append(message[0]);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        long line = error.getLineNumber();
        if (line >= 1 && line <= lines.size()) {
            String code = lines.get((int) line - 1);
            text.append(System.lineSeparator()).append(code);
            long column = error.getColumnNumber();
            if (column >= 1) {
                StringBuilder caret = new StringBuilder();
                for (int i = 0; i < column - 1 && i < code.length(); i++) {
                    caret.append(code.charAt(i) == '\t' ? '\t' : ' ');
                }
                text.append(System.lineSeparator()).append(caret).append('^');
            }
        }
        if (message.length > 1) {
            text.append(System.lineSeparator()).append(message[1]);
        }
        return text.toString();
    }
}
