package newsflow.enrich.watch;

import java.util.List;

/**
 * A parsed watch-topic query, matched against an article's title and body tokens ({@link WatchQueryParser}).
 */
sealed interface WatchQuery {

    boolean matches(ArticleTokens article);

    /** A word, or a phrase of consecutive words (one token list either way). */
    record Term(List<String> tokens) implements WatchQuery {
        @Override
        public boolean matches(ArticleTokens article) {
            return article.contains(tokens);
        }
    }

    record And(List<WatchQuery> parts) implements WatchQuery {
        @Override
        public boolean matches(ArticleTokens article) {
            return parts.stream().allMatch(p -> p.matches(article));
        }
    }

    record Or(List<WatchQuery> parts) implements WatchQuery {
        @Override
        public boolean matches(ArticleTokens article) {
            return parts.stream().anyMatch(p -> p.matches(article));
        }
    }

    record Not(WatchQuery part) implements WatchQuery {
        @Override
        public boolean matches(ArticleTokens article) {
            return !part.matches(article);
        }
    }
}
