package newsflow.common.text;

import java.text.Normalizer;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Month names in the languages feeds are written in, and the time-zone abbreviations they use. */
final class DateNames {

    private static final Map<String, Integer> MONTHS = new HashMap<>();
    private static final Map<String, ZoneOffset> ZONES = new HashMap<>();

    static {
        // One row per month: English, French, German, Spanish, Italian, Dutch, Portuguese, Hungarian, Greek,
        // full names and the abbreviations in use. Keys are folded (see fold), so accents are optional.
        String[] rows = {
            "jan january janv janvier januar enero ene gennaio gen januari janeiro január ιαν ιανουαριος ιανουαρίου",
            "feb february fév fev févr fevr février fevrier februar febrero febbraio februari fevereiro február φεβ φεβρουαριος φεβρουαρίου",
            "mar march mars märz marz mär mrz marzo maart mrt março márc marc március μαρ μαρτιος μαρτίου μάώ",
            "apr april avr avril abril abr aprile április ápr απρ απριλιος απριλίου",
            "may mai mayo maggio mag mei maio máj május μαι μαιος μαΐου μάι",
            "jun june juin juni junio giugno giu junho jún június ιουν ιουνιος ιουνίου ιον",
            "jul july juil juillet juli julio luglio lug julho júl július ιουλ ιουλιος ιουλίου ιολ",
            "aug august août aout aoû augusto agosto ago augustus augusztus αυγ αύγ αυγουστος αυγούστου",
            "sep sept september septembre septiembre settembre set setembro szept szeptember σεπ σεπτεμβριος σεπτεμβρίου",
            "oct october octobre oktober okt octubre ottobre ott outubro out október οκτ οκτωβριος οκτωβρίου",
            "nov november novembre noviembre novembro νοε νοέ νοεμβριος νοεμβρίου",
            "dec december déc decembre décembre dezember dez diciembre dic dicembre dezembro δεκ δεκεμβριος δεκεμβρίου",
        };
        for (int m = 0; m < rows.length; m++) {
            for (String name : rows[m].split(" ")) {
                Integer previous = MONTHS.put(fold(name), m + 1);
                if (previous != null && previous != m + 1) {
                    throw new IllegalStateException("month name " + name + " is ambiguous");
                }
            }
        }
        zone(0, "z", "ut", "utc", "gmt", "etc/gmt", "etc/utc", "wet");
        zone(1, "bst", "cet", "met", "west", "wat");
        zone(2, "cest", "mest", "eet", "mesz", "sast", "cat");
        zone(3, "eest", "msk", "eat");
        zone(-3, "adt", "brt");
        zone(-4, "ast", "at", "edt");
        zone(-5, "est", "et", "cdt");
        zone(-6, "cst", "ct", "mdt");
        zone(-7, "mst", "mt", "pdt");
        zone(-8, "pst", "pt", "akdt");
        zone(-9, "akst", "hdt");
        zone(-10, "hst");
        zone(8, "awst", "hkt", "sgt");
        zone(9, "jst", "kst");
        zone(10, "aest");
        zone(11, "aedt");
        zone(12, "nzst");
        zone(13, "nzdt");
        ZONES.put("ist", null); // India, Ireland or Israel: ambiguous, so no answer rather than a wrong one
    }

    private DateNames() {
    }

    private static void zone(int hours, String... names) {
        for (String name : names) {
            ZONES.put(name, ZoneOffset.ofHours(hours));
        }
    }

    /** The month 1–12 a name stands for, or 0 when it is no month name known here. */
    static int month(String name) {
        Integer m = MONTHS.get(fold(name));
        return m == null ? 0 : m;
    }

    /** The offset of a zone abbreviation, or null when unknown or ambiguous. */
    static ZoneOffset zone(String name) {
        return ZONES.get(name.toLowerCase(Locale.ROOT));
    }

    /** Lower case, accents and a trailing period dropped: "Févr." and "fevr" are the same key. */
    static String fold(String name) {
        String decomposed = Normalizer.normalize(name.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String lower = decomposed.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
