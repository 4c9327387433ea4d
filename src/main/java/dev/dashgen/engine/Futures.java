package dev.dashgen.engine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Work the engine hands to another thread. */
final class Futures {
    private Futures() {}

    /** What the work returned, or what it threw, as it threw it: callers report our own exceptions by their type. */
    static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }
}
