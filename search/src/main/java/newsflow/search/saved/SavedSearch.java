package newsflow.search.saved;

import java.time.Instant;
import java.util.Objects;

/**
 * A query an analyst keeps, with where its alerts go. Stored as JSON in the saved-searches topic, keyed by id.
 *
 * @param id           stable id, also the feed's path ({@code /feeds/saved/{id}.atom})
 * @param name         what the analyst calls it
 * @param query        the query in the search language; null when only filters select
 * @param filters      exact filters (any value of a list, every list)
 * @param webhook      where each match is POSTed; null for none (the Atom feed still lists it)
 * @param secret       key of the webhook signature (HMAC-SHA256); null for unsigned deliveries. Never shown by the
 *                     API or the CLI
 * @param created      when it was created
 * @param updated      when it was last changed
 * @param matchesSince articles enrich made before this are not matched: the creation time, moved to the time of the
 *                     change when the query or filters change, so a saved search alerts on what is new to it
 */
public record SavedSearch(String id, String name, String query, SavedFilters filters, String webhook, String secret,
                          Instant created, Instant updated, Instant matchesSince) {

    public SavedSearch {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        filters = filters == null ? SavedFilters.NONE : filters;
        Objects.requireNonNull(created, "created");
        updated = updated == null ? created : updated;
        matchesSince = matchesSince == null ? created : matchesSince;
    }

    /** Whether {@code other} selects the same articles (query and filters alike). */
    public boolean selectsLike(SavedSearch other) {
        return Objects.equals(query, other.query) && filters.equals(other.filters);
    }

    /** The feed of its matches, as a path on the search server. */
    public String feedPath() {
        return "/feeds/saved/" + id + ".atom";
    }
}
