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

    /** The documented floor: fewer than 20 words (or 20 ideographs) is too little to tell. */
    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "Breaking news", "The council voted on the budget on Tuesday.", "12:45 — 3 4 5",
            "市議会", "Γεια σου κόσμε"})
    void tooShortIsUndetermined(String text) {
        assertThat(LanguageDetector.detect(text)).isEqualTo(LanguageDetector.UNDETERMINED).isEqualTo("und");
    }

    @Test
    void textWithoutFunctionWordsIsUndetermined() {
        assertThat(LanguageDetector.detect("Okonkwo Brenner Whitfield Millbrook Benning Aldridge Raman Meyer Vogel "
                + "Osei Lind Marchetti Ibáñez Kowalczyk Okafor Lindqvist Haugen Novak Silva Rossi Dubois Jansen"))
                .isEqualTo("und");
    }
}
