package fr.dataterritoires.testing.process;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Calls to a service (HTTP, a process) from code that cannot throw checked exceptions: fixtures, lambdas. */
public final class IoCalls {

    private IoCalls() {
    }

    /** A call that may fail on I/O or be interrupted. */
    public interface Call<T> {
        T run() throws IOException, InterruptedException;
    }

    /** Runs it: an I/O failure becomes {@link UncheckedIOException}, an interruption is kept and rethrown unchecked. */
    public static <T> T unchecked(Call<T> call) {
        try {
            return call.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
