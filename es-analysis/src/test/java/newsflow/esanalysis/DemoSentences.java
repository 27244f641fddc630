package newsflow.esanalysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sentences of the demo corpus (the app module's {@code demo/articles/}): each article's title, description and
 * paragraphs, by the language its header declares ({@code lang:}, English when absent).
 */
final class DemoSentences {

    static final Path ARTICLES = Path.of("..", "app", "src", "main", "resources", "demo", "articles");
    private static final Pattern PARAGRAPH = Pattern.compile("<(p|h2)>(.*?)</\\1>", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]+>");

    private DemoSentences() {
    }

    static List<String> inLanguage(String language) {
        List<String> sentences = new ArrayList<>();
        try (var files = Files.walk(ARTICLES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
                String page = Files.readString(file);
                int split = page.indexOf("\n---\n");
                String header = split < 0 ? "" : page.substring(0, split);
                String lang = header.lines().filter(l -> l.startsWith("lang:")).map(l -> l.substring(5).strip())
                        .findFirst().orElse("en");
                if (!lang.equals(language)) {
                    continue;
                }
                header.lines().filter(l -> l.startsWith("title:") || l.startsWith("description:"))
                        .map(l -> l.substring(l.indexOf(':') + 1).strip())
                        .forEach(sentences::add);
                Matcher m = PARAGRAPH.matcher(page.substring(split + 1));
                while (m.find()) {
                    sentences.add(TAG.matcher(m.group(2)).replaceAll(""));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo corpus under " + ARTICLES.toAbsolutePath(), e);
        }
        return sentences;
    }
}
