package newsflow.enrich.lang;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The detector enrich used before OpenNLP replaced it, kept in test scope as the baseline {@link LanguageComparison}
 * measures against.
 *
 * <p>Originally:
 * A small, self-contained language detector. Non-Latin scripts decide by themselves (Greek, Arabic, Hebrew,
 * Japanese kana, Korean Hangul, Chinese Han, Thai, Devanagari; Cyrillic split into Ukrainian and Russian by the
 * letters only Ukrainian uses). Latin-script text is matched against the most frequent function words of
 * English, German, French, Spanish, Italian, Dutch, Portuguese, Swedish, Danish, Norwegian and Polish: the
 * language whose words make up the largest share of the text wins, if it wins clearly.
 *
 * <p>Returns an ISO 639-1 code, or {@value #UNDETERMINED} when the text is too short (fewer than
 * {@value #MIN_WORDS} words, or {@value #MIN_IDEOGRAPHS} characters for scripts written without spaces) or no
 * language is clearly ahead. Thread-safe.
 */
final class FunctionWordDetector {

    public static final String UNDETERMINED = "und";
    static final int MIN_WORDS = 20;
    static final int MIN_IDEOGRAPHS = 20;
    /** The winner needs this many function-word hits, and this lead over the runner-up. */
    private static final int MIN_HITS = 4;
    private static final double MIN_LEAD = 1.25;
    private static final int MAX_CHARS = 20_000;

    private static final Map<String, Set<String>> PROFILES = Map.ofEntries(
            Map.entry("en", words("the and of to in is that it was for on are with as his they be at have this "
                    + "from by had not but what all were we when your can said there which she do their if will would "
                    + "about has been who more than its also after he you could them these other into only over new "
                    + "our out up so some how just like")),
            Map.entry("de", words("der die und den von zu das mit sich des auf für ist im dem nicht ein eine als "
                    + "auch es an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen "
                    + "so zum war haben nur oder aber vor zur bis mehr durch man sein wurde sei ich wir ihr kann gegen "
                    + "vom schon wenn habe seine unter sehr diese dieser")),
            Map.entry("fr", words("le la les de des et un une du en est que qui dans pour pas au sur ne se plus par "
                    + "il elle sont ce avec son sa ses aux mais ont nous vous ils été cette comme leur tout être fait "
                    + "était où aussi après même peut deux entre très selon lors")),
            Map.entry("es", words("el la de que y en los del se las por un una con no es para al lo como más pero "
                    + "sus le ya o fue este ha porque esta son entre cuando muy sin sobre también me hasta hay donde "
                    + "quien desde todo nos durante todos uno les ni contra otros ese eso ante ellos esto antes "
                    + "según dijo había están")),
            Map.entry("it", words("il di che e la un una per non in del della sono ha le si con da dei nel alla "
                    + "delle anche al più ma come gli lo questo ci è essere stato nella sul degli suo sua loro hanno "
                    + "cui dopo molto quando tra ancora solo fatto può già se quello questa anni così")),
            Map.entry("nl", words("de het een van en in is dat op te zijn voor met die niet aan er om ook als bij "
                    + "of door maar naar dan nog wordt werd heeft hij ze zij we wij uit worden kan over tot al was "
                    + "meer geen deze dit hun haar zo nu zou onder tegen omdat hebben wel moet tussen veel")),
            Map.entry("pt", words("o a os as de do da dos das e em no na nos nas um uma que é para com não por se "
                    + "mais ao como mas foi ele ela seu sua ou ser quando muito há já está também só pelo pela até "
                    + "isso entre depois sem mesmo aos seus quem são disse anos ainda essa este esse esta sobre "
                    + "foram tem pode às")),
            Map.entry("sv", words("och i att det som en på är av för med till den har de inte om ett han men var "
                    + "jag sig från vi så kan man när år säger hon under också efter eller nu sina hade vid mot alla "
                    + "skulle bara detta blir än mycket sin dem vara där utan hur sedan kommer finns många dessa ska "
                    + "blev vår hennes vad mig dig")),
            Map.entry("da", words("og i at det som en på er af for med til den har de ikke om et han men var jeg "
                    + "sig fra vi så kan man når år siger hun under også efter eller nu sine havde ved mod alle "
                    + "skulle bare dette bliver end meget sin dem være hvor uden hvordan siden kommer findes mange "
                    + "disse skal blev vores hvis noget nogle hvad mig dig")),
            Map.entry("no", words("og i at det som en på er av for med til den har de ikke om et han men var jeg "
                    + "seg fra vi så kan man når år sier hun under også etter eller nå sine hadde ved mot alle "
                    + "skulle bare dette blir enn mye sin dem være hvor uten hvordan siden kommer finnes mange "
                    + "disse skal ble vår hvis noe noen hva meg deg")),
            Map.entry("pl", words("i w na z do się nie że to jest o jak ale po co tak za od jego przez może już "
                    + "dla jej tylko ich czy oraz być są był była było jako które który która także przy lub gdy "
                    + "tym tego ten pod bardzo roku mnie ze ma nas też jednak mówi powiedział")));

    private FunctionWordDetector() {
    }

    /** The language of {@code text}: an ISO 639-1 code, or {@code und}. */
    public static String detect(String text) {
        if (text == null || text.isBlank()) {
            return UNDETERMINED;
        }
        String sample = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        String byScript = byScript(sample);
        if (byScript != null) {
            return byScript;
        }
        return byFunctionWords(sample);
    }

    /** Decides for scripts used by one language (or told apart by letters); null for Latin script. */
    private static String byScript(String text) {
        Map<Character.UnicodeScript, Integer> counts = new HashMap<>();
        int letters = 0;
        int ukrainianLetters = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            letters++;
            counts.merge(Character.UnicodeScript.of(cp), 1, Integer::sum);
            if ("іїєґІЇЄҐ".indexOf(cp) >= 0) {
                ukrainianLetters++;
            }
        }
        if (letters == 0) {
            return UNDETERMINED;
        }
        Character.UnicodeScript dominant = null;
        int max = 0;
        for (var e : counts.entrySet()) {
            if (e.getValue() > max) {
                max = e.getValue();
                dominant = e.getKey();
            }
        }
        int kana = counts.getOrDefault(Character.UnicodeScript.HIRAGANA, 0)
                + counts.getOrDefault(Character.UnicodeScript.KATAKANA, 0);
        int han = counts.getOrDefault(Character.UnicodeScript.HAN, 0);
        if (kana + han > letters / 2) {
            if (kana + han < MIN_IDEOGRAPHS) {
                return UNDETERMINED;
            }
            // Japanese mixes kana into Han text; Chinese has none.
            return kana > (kana + han) / 10 ? "ja" : "zh";
        }
        if (dominant == Character.UnicodeScript.LATIN) {
            return null;
        }
        if (dominant == Character.UnicodeScript.HANGUL) {
            return max >= MIN_IDEOGRAPHS ? "ko" : UNDETERMINED;
        }
        if (dominant == Character.UnicodeScript.THAI) {
            return max >= MIN_IDEOGRAPHS ? "th" : UNDETERMINED;
        }
        if (wordCount(text) < MIN_WORDS) {
            return UNDETERMINED;
        }
        return switch (dominant) {
            case CYRILLIC -> ukrainianLetters * 100 > max ? "uk" : "ru";
            case GREEK -> "el";
            case ARABIC -> "ar";
            case HEBREW -> "he";
            case DEVANAGARI -> "hi";
            default -> UNDETERMINED;
        };
    }

    private static String byFunctionWords(String text) {
        List<String> tokens = tokens(text);
        if (tokens.size() < MIN_WORDS) {
            return UNDETERMINED;
        }
        String best = null;
        int bestHits = 0;
        int secondHits = 0;
        for (var profile : PROFILES.entrySet()) {
            int hits = 0;
            for (String t : tokens) {
                if (profile.getValue().contains(t)) {
                    hits++;
                }
            }
            if (hits > bestHits) {
                secondHits = bestHits;
                bestHits = hits;
                best = profile.getKey();
            } else if (hits > secondHits) {
                secondHits = hits;
            }
        }
        if (best == null || bestHits < MIN_HITS || bestHits < secondHits * MIN_LEAD) {
            return UNDETERMINED;
        }
        return best;
    }

    private static List<String> tokens(String text) {
        return java.util.Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{M}']+"))
                .map(t -> t.replace("'", ""))
                .filter(t -> !t.isEmpty())
                .toList();
    }

    private static int wordCount(String text) {
        return text.strip().split("\\s+").length;
    }

    private static Set<String> words(String list) {
        return Set.copyOf(java.util.Arrays.asList(list.split(" ")));
    }
}
