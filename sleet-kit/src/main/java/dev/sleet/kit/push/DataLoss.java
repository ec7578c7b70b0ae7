package dev.sleet.kit.push;

/**
 * A change that would lose data (or fail on the data there), with the rows it touches, counted on
 * the live database.
 *
 * @param subject    the object, e.g. {@code public.users.bio}
 * @param message    a sentence naming the change and the rows, e.g. "drops table public.users and its 3 rows"
 * @param rows       how many rows are affected
 * @param typeChange whether the rows are values a column's type change would not keep (once the loss
 *                   is confirmed, that change is made without its guard)
 */
public record DataLoss(String subject, String message, long rows, boolean typeChange) {

    public DataLoss(String subject, String message, long rows) {
        this(subject, message, rows, false);
    }
}
