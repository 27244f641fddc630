package newsflow.common.stage;

/**
 * A long-running pipeline stage (ingest, enrich, index). {@link #run()} blocks, doing the stage's work until
 * {@link #close()} is called from another thread; close stops it gracefully (finishing or abandoning the
 * current batch without committing it) and releases its clients.
 */
public interface Stage extends Runnable, AutoCloseable {

    /** Short name: {@code ingest}, {@code enrich}, {@code index}. */
    String name();

    /** True once the stage has finished starting (clients connected, topics/indices ready). */
    boolean ready();

    @Override
    void close();
}
