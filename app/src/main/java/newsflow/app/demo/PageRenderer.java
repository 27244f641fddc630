package newsflow.app.demo;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Wraps an article body into its outlet's page template: metadata, byline, the "related" and "most read" rails
 * (built from the outlet's other articles, as a real site links its own stories) and reader comments.
 * Every link it writes starts with {@code {{base}}}; the site replaces that once the port is known.
 */
final class PageRenderer {

    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH_DAY_YEAR = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter COMMENT_DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy 'at' h:mm a", Locale.ENGLISH);
    private static final int RAIL_SIZE = 3;
    private static final int MOST_READ_SIZE = 5;

    private final Outlet outlet;
    private final String page;
    private final String commentsBlock;
    private final String commentItem;
    private final List<ArticleSource> siblings;

    /**
     * @param siblings every article of this outlet, in site-index order (the "most read" order)
     */
    PageRenderer(Outlet outlet, List<ArticleSource> siblings) {
        this.outlet = outlet;
        this.siblings = List.copyOf(siblings);
        this.page = ClasspathText.text(outlet.templateResource("page.html"));
        boolean anyComments = siblings.stream().anyMatch(ArticleSource::commentsOpen);
        this.commentsBlock = anyComments ? ClasspathText.text(outlet.templateResource("comments.html")) : "";
        this.commentItem = anyComments ? ClasspathText.text(outlet.templateResource("comment.html")) : "";
    }

    String render(ArticleSource a) {
        Map<String, String> v = new HashMap<>();
        v.put("site_name", Escape.html(outlet.name()));
        v.put("lang", Escape.html(a.lang()));
        v.put("title", Escape.html(a.title()));
        v.put("description", Escape.html(a.field("description")));
        v.put("canonical", Template.BASE + a.path());
        String image = a.fields().getOrDefault("image", outlet.id() + "-social.jpg");
        v.put("image_url", Template.BASE + "/static/" + image);
        v.put("image_alt", Escape.html(a.fields().getOrDefault("image_alt", outlet.name())));
        v.put("published", a.published().toString());
        v.put("modified", a.modified().toString());
        v.put("published_display", DAY_MONTH_YEAR.format(a.published()));
        v.put("published_us", MONTH_DAY_YEAR.format(a.published()));
        v.put("published_time", TIME.format(a.published()));
        v.put("modified_display", DAY_MONTH_YEAR.format(a.modified()) + ", " + TIME.format(a.modified()));
        v.put("author", Escape.html(a.field("author")));
        v.put("author_slug", slug(a.field("author")));
        v.put("author_role", Escape.html(a.field("author_role")));
        v.put("byline_role", a.field("author_role").isEmpty() ? "" : ", " + Escape.html(a.field("author_role")));
        v.put("section", Escape.html(a.section()));
        v.put("section_slug", slug(a.section()));
        v.put("keywords", Escape.html(String.join(", ", a.tags())));
        v.put("tag_links", a.tags().stream()
                .map(t -> "<a href=\"" + Template.BASE + "/" + outlet.id() + "/tag/" + slug(t) + "/\" rel=\"tag\">" + Escape.html(t) + "</a>")
                .collect(Collectors.joining(", ")));
        v.put("body", a.body());
        v.put("word_count", Integer.toString(wordCount(a.body())));
        v.put("related", links(related(a)));
        v.put("most_read", links(siblings.stream().filter(s -> s != a).limit(MOST_READ_SIZE).toList()));
        v.put("recent_posts", links(siblings.stream()
                .sorted(Comparator.comparing(ArticleSource::published).reversed()).limit(MOST_READ_SIZE).toList()));
        v.put("comments", comments(a));
        List<ArticleSource> chronological = siblings.stream().sorted(Comparator.comparing(ArticleSource::published)).toList();
        int at = chronological.indexOf(a);
        v.put("prev_post", at > 0 ? adjacent(chronological.get(at - 1), "previous-post", "prev", "Previous post") : "");
        v.put("next_post", at < chronological.size() - 1 ? adjacent(chronological.get(at + 1), "next-post", "next", "Next post") : "");
        v.put("json_title", Escape.json(a.title()));
        v.put("json_description", Escape.json(a.field("description")));
        v.put("json_author", Escape.json(a.field("author")));
        v.put("json_author_role", Escape.json(a.field("author_role")));
        v.put("json_section", Escape.json(a.section()));
        v.put("json_site_name", Escape.json(outlet.name()));
        v.put("json_keywords", a.tags().stream().map(t -> "\"" + Escape.json(t) + "\"").collect(Collectors.joining(", ")));
        return Template.fill(outlet.templateResource("page.html"), page, v);
    }

    /** Same section first, then the outlet's newest stories. */
    private List<ArticleSource> related(ArticleSource a) {
        List<ArticleSource> others = new ArrayList<>(siblings.stream().filter(s -> s != a).toList());
        others.sort(Comparator.comparing((ArticleSource s) -> !s.section().equals(a.section()))
                .thenComparing(ArticleSource::published, Comparator.reverseOrder()));
        return others.subList(0, Math.min(RAIL_SIZE, others.size()));
    }

    private String comments(ArticleSource a) {
        if (!a.commentsOpen()) {
            return "";
        }
        StringBuilder list = new StringBuilder();
        int n = 0;
        for (ArticleSource.Comment c : a.comments()) {
            n++;
            Map<String, String> v = new HashMap<>();
            v.put("comment_id", Integer.toString(n));
            v.put("comment_author", Escape.html(c.author()));
            v.put("comment_date", c.posted().toString());
            v.put("comment_date_display", commentDate(c.posted()));
            v.put("comment_text", "<p>" + Escape.html(c.text()) + "</p>");
            list.append(Template.fill(outlet.templateResource("comment.html"), commentItem, v));
        }
        Map<String, String> v = new HashMap<>();
        v.put("comment_list", list.toString());
        v.put("comment_count", Integer.toString(n));
        v.put("comment_count_label", n == 1 ? "1 comment" : n + " comments");
        v.put("title", Escape.html(a.title()));
        v.put("canonical", Template.BASE + a.path());
        return Template.fill(outlet.templateResource("comments.html"), commentsBlock, v);
    }

    private static String commentDate(OffsetDateTime t) {
        // "10:02 AM" → "10:02 am", as WordPress and most comment systems print it
        return COMMENT_DATE.format(t).replace("AM", "am").replace("PM", "pm");
    }

    private static String adjacent(ArticleSource s, String cssClass, String rel, String label) {
        return "<a class=\"" + cssClass + "\" href=\"" + Template.BASE + s.path() + "\" rel=\"" + rel + "\">"
                + "<span class=\"meta-nav\">" + label + "</span> <span class=\"title\">" + Escape.html(s.title()) + "</span></a>";
    }

    private static String links(List<ArticleSource> articles) {
        StringBuilder out = new StringBuilder();
        for (ArticleSource s : articles) {
            out.append("<li><a href=\"").append(Template.BASE).append(s.path()).append("\">")
                    .append(Escape.html(s.title())).append("</a></li>\n");
        }
        return out.toString();
    }

    static String slug(String text) {
        String s = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-");
        return s.replaceAll("^-+|-+$", "");
    }

    private static int wordCount(String html) {
        String text = html.replaceAll("<[^>]+>", " ").strip();
        return text.isEmpty() ? 0 : text.split("\\s+").length;
    }
}
