package newsflow.enrich.lang;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageDetectorTest {

    @Test
    void english() {
        assertThat(LanguageDetector.detect("The committee said it would vote on the plan next week, and that the "
                + "mayor has asked for more time to study the costs before the council meets again in the spring."))
                .isEqualTo("en");
    }

    @Test
    void german() {
        assertThat(LanguageDetector.detect("Der Stadtrat hat am Dienstag mit großer Mehrheit den Bau eines neuen "
                + "Radwegs beschlossen, der die Altstadt mit dem Gewerbegebiet im Norden verbinden soll und nach "
                + "Angaben der Verwaltung rund drei Kilometer lang sein wird."))
                .isEqualTo("de");
    }

    @Test
    void frenchAndSpanish() {
        assertThat(LanguageDetector.detect("Le conseil municipal a voté mardi soir le budget de la ville, après un "
                + "long débat sur le prix des transports et la rénovation des écoles qui sont dans le centre."))
                .isEqualTo("fr");
        assertThat(LanguageDetector.detect("El ayuntamiento aprobó el martes por la noche el presupuesto de la "
                + "ciudad, después de un largo debate sobre el precio del transporte y las obras en las escuelas."))
                .isEqualTo("es");
    }

    @Test
    void scriptsDecideByThemselves() {
        assertThat(LanguageDetector.detect("Городской совет во вторник утвердил бюджет на следующий год после долгих "
                + "споров о ценах на транспорт и ремонте школ в центре города и в новых районах на севере"))
                .isEqualTo("ru");
        assertThat(LanguageDetector.detect("Міська рада у вівторок ухвалила бюджет на наступний рік після тривалих "
                + "суперечок про ціни на транспорт і ремонт шкіл у центрі міста та в нових районах на півночі"))
                .isEqualTo("uk");
        assertThat(LanguageDetector.detect("市議会は火曜日の夜、来年度の予算案を可決しました。交通料金と学校の改修をめぐる長い議論の末のことです。"))
                .isEqualTo("ja");
        assertThat(LanguageDetector.detect("市议会周二晚上通过了明年的城市预算，此前议员们就交通票价和学校翻修问题进行了长时间的辩论。"))
                .isEqualTo("zh");
    }

    /** The documented floor: fewer than 20 letters (an ideograph counting 3) is too little to tell. */
    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "Breaking news", "Vote tonight", "12:45 — 3 4 5", "市議会", "Γεια σου"})
    void tooShortIsUndetermined(String text) {
        assertThat(LanguageDetector.detect(text)).isEqualTo(LanguageDetector.UNDETERMINED).isEqualTo("und");
    }

    @Test
    void textWithoutFunctionWordsIsUndetermined() {
        assertThat(LanguageDetector.detect("Okonkwo Brenner Whitfield Millbrook Benning Aldridge Raman Meyer Vogel "
                + "Osei Lind Marchetti Ibáñez Kowalczyk Okafor Lindqvist Haugen Novak Silva Rossi Dubois Jansen"))
                .isEqualTo("und");
    }

    /** Sentences written for this test, not among those the thresholds were set on (lang/sentences.tsv). */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "en|The new bus timetable starts on Monday and adds two late services.",
            "de|Die neue Buslinie fährt ab Montag auch am späten Abend.",
            "fr|Le nouvel horaire des bus entre en vigueur lundi prochain.",
            "es|El nuevo horario de autobuses entra en vigor el próximo lunes.",
            "it|Il nuovo orario degli autobus entra in vigore lunedì prossimo.",
            "pl|Nowy rozkład jazdy autobusów wchodzi w życie w przyszły poniedziałek.",
            "sv|Den nya busstidtabellen börjar gälla på måndag nästa vecka.",
            "ru|Новое расписание автобусов вступает в силу в следующий понедельник.",
            "tr|Yeni otobüs tarifesi önümüzdeki pazartesi yürürlüğe giriyor.",
            "el|Το νέο δρομολόγιο των λεωφορείων ισχύει από την επόμενη Δευτέρα."})
    void shortSentencesAreDetected(String expected, String sentence) {
        assertThat(LanguageDetector.detect(sentence)).isEqualTo(expected);
    }

    /** Every sentence of the comparison set: its language or und, never another language; und ones stay und. */
    @Test
    void theComparisonSentencesGetTheirLanguageOrUndNeverAWrongOne() throws Exception {
        for (LanguageComparison.Sample s : LanguageComparison.testSentences()) {
            String got = LanguageDetector.detect(s.text());
            if (s.expected().equals("und")) {
                assertThat(got).as(s.text()).isEqualTo("und");
            } else {
                assertThat(got).as(s.text()).isIn(s.expected(), "und");
            }
        }
    }

    @Test
    void aTextHalfInOneLanguageAndHalfInAnotherIsUndetermined() {
        String english = "The harbour board met on Tuesday evening to discuss the future of the old ferry terminal, "
                + "which has stood empty since the new pier opened three years ago. Several members argued that the "
                + "building should be turned into a market hall, while others said the cost of repairing the roof "
                + "and the sea wall would be far too high for the town to carry on its own.";
        String german = "Der Hafenrat traf sich am Dienstagabend, um über die Zukunft des alten Fährterminals zu "
                + "beraten, das seit der Eröffnung des neuen Anlegers vor drei Jahren leer steht. Mehrere Mitglieder "
                + "meinten, das Gebäude solle zu einer Markthalle werden, während andere sagten, die Kosten für die "
                + "Reparatur des Daches und der Kaimauer seien für die Stadt allein viel zu hoch.";

        assertThat(LanguageDetector.detect(english)).isEqualTo("en");
        assertThat(LanguageDetector.detect(german)).isEqualTo("de");
        assertThat(LanguageDetector.detect(english + "\n\n" + german)).isEqualTo("und");
    }

    @Test
    void theModelsThreeLetterCodesBecomeIso6391() {
        assertThat(LanguageDetector.iso1("eng")).isEqualTo("en");
        assertThat(LanguageDetector.iso1("deu")).isEqualTo("de");
        assertThat(LanguageDetector.iso1("cmn")).isEqualTo("zh");
        assertThat(LanguageDetector.iso1("pes")).isEqualTo("fa");
        assertThat(LanguageDetector.iso1("ceb")).as("Cebuano has no ISO 639-1 code").isEqualTo("und");
    }
}
