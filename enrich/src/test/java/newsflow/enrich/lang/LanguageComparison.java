package newsflow.enrich.lang;

import com.fasterxml.jackson.databind.JsonNode;
import newsflow.common.json.Json;
import opennlp.tools.langdetect.Language;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Compares language detectors on labelled texts and prints a table: the detector enrich uses
 * ({@link LanguageDetector}: OpenNLP with guards), OpenNLP alone (its best language, mapped to ISO 639-1, no
 * guard) and the function-word detector enrich used before ({@link FunctionWordDetector}).
 *
 * <pre>
 * java -cp ... newsflow.enrich.lang.LanguageComparison [--sentences FILE.tsv] [--jsonl FILE.jsonl [--expect en]]
 * </pre>
 * Without {@code --sentences} the test sentences ({@code src/test/resources/lang/sentences.tsv}: expected code, tab,
 * text) are used. {@code --jsonl} reads {@code {title,text}} lines (the BBC file) that are all in {@code --expect}.
 * Times are relative to the function-word detector in the same run.
 */
public final class LanguageComparison {

    record Sample(String expected, String text) {
    }

    record Detector(String name, Function<String, String> detect) {
    }

    static final List<Detector> DETECTORS = List.of(
            new Detector("newsflow (OpenNLP + guards)", LanguageDetector::detect),
            new Detector("OpenNLP alone", text -> {
                Language l = LanguageDetector.unguarded(text);
                return l == null ? LanguageDetector.UNDETERMINED : LanguageDetector.iso1(l.getLang());
            }),
            new Detector("function words (before)", FunctionWordDetector::detect));

    public static void main(String[] args) throws IOException {
        Path sentences = null;
        Path jsonl = null;
        String expect = "en";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sentences" -> sentences = Path.of(args[++i]);
                case "--jsonl" -> jsonl = Path.of(args[++i]);
                case "--expect" -> expect = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (use --sentences FILE, --jsonl FILE, --expect CODE)");
            }
        }
        List<Sample> short_ = sentences == null ? testSentences() : readTsv(Files.readString(sentences));
        report("short sentences (" + (sentences == null ? "test resource lang/sentences.tsv" : sentences) + ")", short_);
        if (jsonl != null) {
            report(jsonl.getFileName() + " (title + text, expected " + expect + ")", readJsonl(jsonl, expect));
        }
    }

    static List<Sample> testSentences() throws IOException {
        try (InputStream in = LanguageComparison.class.getResourceAsStream("/lang/sentences.tsv")) {
            return readTsv(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    static List<Sample> readTsv(String tsv) {
        List<Sample> out = new ArrayList<>();
        for (String line : tsv.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            out.add(new Sample(line.substring(0, tab).strip(), line.substring(tab + 1).strip()));
        }
        return out;
    }

    private static List<Sample> readJsonl(Path file, String expect) throws IOException {
        List<Sample> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                JsonNode n = Json.mapper().readTree(line);
                out.add(new Sample(expect, n.path("title").asText("") + "\n" + n.path("text").asText("")));
            }
        }
        return out;
    }

    private static void report(String title, List<Sample> samples) {
        System.out.println("== " + title + ": " + samples.size() + " texts");
        System.out.printf("%-30s %7s %9s %7s %7s %9s%n", "detector", "right", "accuracy", "und", "wrong", "time");
        Map<String, List<String>> answers = new LinkedHashMap<>();
        Map<String, Long> nanos = new LinkedHashMap<>();
        for (Detector d : DETECTORS) {
            d.detect().apply("warm up the model and the JIT with a sentence of some length, twice over.");
            long start = System.nanoTime();
            answers.put(d.name(), samples.stream().map(s -> d.detect().apply(s.text())).toList());
            nanos.put(d.name(), System.nanoTime() - start);
        }
        long baseline = nanos.get(DETECTORS.getLast().name());
        Map<String, List<String>> misses = new LinkedHashMap<>();
        for (Detector d : DETECTORS) {
            List<String> got = answers.get(d.name());
            int right = 0;
            int und = 0;
            List<String> wrong = new ArrayList<>();
            for (int i = 0; i < samples.size(); i++) {
                Sample s = samples.get(i);
                if (got.get(i).equals(s.expected())) {
                    right++;
                } else {
                    if (got.get(i).equals(LanguageDetector.UNDETERMINED)) {
                        und++;
                    }
                    wrong.add(s.expected() + "→" + got.get(i) + " " + abbreviate(s.text()));
                }
            }
            misses.put(d.name(), wrong);
            System.out.printf("%-30s %3d/%-3d %9.3f %7d %7d %8.2fx%n", d.name(), right, samples.size(),
                    (double) right / samples.size(), und, samples.size() - right - und,
                    (double) nanos.get(d.name()) / baseline);
        }
        Map<String, Long> perLanguage = new TreeMap<>();
        samples.forEach(s -> perLanguage.merge(s.expected(), 1L, Long::sum));
        System.out.println("expected languages: " + perLanguage);
        misses.forEach((name, wrong) -> {
            if (!wrong.isEmpty()) {
                System.out.println("-- not right, " + name + " (" + wrong.size() + "):");
                wrong.stream().limit(25).forEach(w -> System.out.println("   " + w));
            }
        });
        System.out.println();
    }

    private static String abbreviate(String text) {
        String one = text.replaceAll("\\s+", " ").strip();
        return one.length() > 90 ? one.substring(0, 90) + "…" : one;
    }
}
