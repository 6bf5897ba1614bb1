package org.cleanrank;

/**
 * A problem with the user's input or environment that the user can fix.
 *
 * <p>The message is one line that names the input and says what to do about it; callers (the CLI)
 * print it as is, without a stack trace.
 */
public class CleanRankException extends RuntimeException {
    public CleanRankException(String message) {
        super(message);
    }

    public CleanRankException(String message, Throwable cause) {
        super(message, cause);
    }
}
