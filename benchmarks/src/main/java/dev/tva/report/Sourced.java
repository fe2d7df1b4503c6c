package dev.tva.report;

/**
 * A record read from the inputs, with the file it came from and its group: the file itself, or a section
 * of it (a tour's {@code http} section), so that only records measured together are compared.
 */
public record Sourced<T>(T value, InputFile file, String group) {

    /** A record whose group is its whole file. */
    public static <T> Sourced<T> of(T value, InputFile file) {
        return new Sourced<>(value, file, file.path());
    }
}
