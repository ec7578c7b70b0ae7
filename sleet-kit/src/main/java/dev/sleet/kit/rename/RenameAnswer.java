package dev.sleet.kit.rename;

import java.util.Objects;

/** The answer to a {@link RenameQuestion}: the object is new, it is a renamed one, or nobody answered. */
public sealed interface RenameAnswer {

    /** The object is new; the candidates stay dropped unless another question claims them. */
    record Create() implements RenameAnswer {}

    /** The object is {@code from}, renamed. */
    record RenamedFrom(String from) implements RenameAnswer {
        public RenamedFrom {
            Objects.requireNonNull(from, "from");
        }
    }

    /** No answer from this source. */
    record Unanswered() implements RenameAnswer {}

    RenameAnswer CREATE = new Create();
    RenameAnswer UNANSWERED = new Unanswered();

    static RenameAnswer renamedFrom(String from) {
        return new RenamedFrom(from);
    }
}
