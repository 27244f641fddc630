package newsflow.common.log;

import org.slf4j.MDC;

/**
 * What a log line is about, kept in the logging context (SLF4J's MDC) of the thread doing the work: the stage, and
 * the feed or article at hand. The JSON log format (app) prints them as fields of their own, so an operator can
 * select every line about one article or feed without parsing messages; the text format leaves them out.
 * Each call returns a scope to close when that work is done, so a pooled thread never carries a stale id.
 */
public final class LogContext {

    public static final String STAGE = "stage";
    public static final String FEED = "feed";
    public static final String ARTICLE = "article";

    private LogContext() {
    }

    /** Marks the current thread as working for {@code stage} (for a stage's long-lived threads). */
    public static Scope stage(String stage) {
        return put(STAGE, stage);
    }

    /** The current thread is working on feed {@code url} for {@code stage}. */
    public static Scope feed(String stage, String url) {
        return stageAnd(stage, FEED, url);
    }

    /** The current thread is working on article {@code id} (a record key) for {@code stage}. */
    public static Scope article(String stage, String id) {
        return stageAnd(stage, ARTICLE, id);
    }

    private static Scope stageAnd(String stage, String key, String value) {
        Scope outer = put(STAGE, stage);
        Scope inner = put(key, value);
        return () -> {
            inner.close();
            outer.close();
        };
    }

    /** Puts {@code key}; closing restores what the key held before (nested scopes on one thread stay right). */
    private static Scope put(String key, String value) {
        String before = MDC.get(key);
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
        return () -> {
            if (before == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, before);
            }
        };
    }

    /** A logging context to close when the work it describes is done; closing never throws. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
