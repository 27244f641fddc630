package newsflow.app.demo;

/**
 * One fictional news site of the demo corpus. Its page template lives at {@code templates/<id>/page.html}; its
 * comment markup, when it has any, at {@code templates/<id>/comments.html} and {@code comment.html}.
 *
 * @param id              short name, also the folder of its templates and articles
 * @param name            the site's display name (og:site_name, feed title)
 * @param feedPath        URL path its feed is served at
 * @param feedResource    the feed file under {@code feeds/}
 * @param feedContentType Content-Type the feed is served with
 */
record Outlet(String id, String name, String feedPath, String feedResource, String feedContentType) {

    String templateResource(String part) {
        return "templates/" + id + "/" + part;
    }
}
