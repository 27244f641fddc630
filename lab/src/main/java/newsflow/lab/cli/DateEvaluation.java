package newsflow.lab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import newsflow.common.json.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Scores a date parser against a JSON list of cases {@code {"id", "input", "expected"}}, where expected is the
 * UTC time as {@code [year, month, day, hour, minute, second, …]} (further fields ignored) or null for a string
 * that is no date. Compared to the second.
 */
final class DateEvaluation {

    enum Verdict { RIGHT, NULL, WRONG }

    record Case(String id, String input, int[] expected) {
    }

    record Outcome(Case c, Instant got, Verdict verdict) {
    }

    record Score(int right, int missing, int wrong, int rightOfDates, int dates) {
        String line(String parser) {
            int total = right + missing + wrong;
            return String.format("%-9s right %3d/%d (%.1f%%)  null %3d  wrong %3d   dates with an answer: %d/%d right",
                    parser, right, total, 100.0 * right / total, missing, wrong, rightOfDates, dates);
        }
    }

    private DateEvaluation() {
    }

    static List<Case> read(Path file) throws IOException {
        List<Case> cases = new ArrayList<>();
        for (JsonNode node : Json.mapper().readTree(Files.readAllBytes(file))) {
            JsonNode expected = node.get("expected");
            int[] fields = null;
            if (expected != null && expected.isArray()) {
                fields = new int[6];
                for (int i = 0; i < 6; i++) {
                    fields[i] = expected.get(i).asInt();
                }
            }
            cases.add(new Case(node.path("id").asText(), node.path("input").asText(), fields));
        }
        return cases;
    }

    static List<Outcome> run(List<Case> cases, Function<String, Instant> parser) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Case c : cases) {
            Instant got;
            try {
                got = parser.apply(c.input());
            } catch (RuntimeException e) {
                got = null; // a parser that throws gives no date
            }
            outcomes.add(new Outcome(c, got, verdict(c.expected(), got)));
        }
        return outcomes;
    }

    static Verdict verdict(int[] expected, Instant got) {
        if (got == null) {
            return expected == null ? Verdict.RIGHT : Verdict.NULL;
        }
        if (expected == null) {
            return Verdict.WRONG;
        }
        ZonedDateTime t = got.atZone(ZoneOffset.UTC);
        int[] actual = {t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond()};
        return java.util.Arrays.equals(expected, actual) ? Verdict.RIGHT : Verdict.WRONG;
    }

    static Score score(List<Outcome> outcomes) {
        int right = 0, missing = 0, wrong = 0, rightOfDates = 0, dates = 0;
        for (Outcome o : outcomes) {
            switch (o.verdict()) {
                case RIGHT -> right++;
                case NULL -> missing++;
                case WRONG -> wrong++;
            }
            if (o.c().expected() != null) {
                dates++;
                if (o.verdict() == Verdict.RIGHT) {
                    rightOfDates++;
                }
            }
        }
        return new Score(right, missing, wrong, rightOfDates, dates);
    }
}
