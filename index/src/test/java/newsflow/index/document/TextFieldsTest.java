package newsflow.index.document;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TextFieldsTest {

    @Test
    void queryFieldsAreTheGivenOnesThenEachLanguagesWithTheSameBoosts() {
        List<String> fields = TextFields.withLanguageFields(List.of("title^3", "body"));

        assertThat(fields).startsWith("title^3", "body", "i18n.fr.title^3", "i18n.fr.body", "i18n.de.title^3");
        assertThat(fields).hasSize(2 + 2 * TextFields.LANGUAGES.size());
        assertThat(fields).contains("i18n.ru.body");
    }

    @Test
    void detectedCodesMapToTheirFieldsOrToNone() {
        assertThat(TextFields.languageKey("fr")).contains("fr");
        assertThat(TextFields.languageKey("nb")).contains("no");
        assertThat(TextFields.languageKey("en")).as("English is the main fields' analysis").isEmpty();
        assertThat(TextFields.languageKey("und")).isEmpty();
        assertThat(TextFields.languageKey(null)).isEmpty();
    }
}
