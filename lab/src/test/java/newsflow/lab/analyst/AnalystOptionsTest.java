package newsflow.lab.analyst;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code --kinds}: a subset of the kinds of request by their report names, all of them by default. */
class AnalystOptionsTest {

    private static AnalystBenchmark.Options kinds(String... kinds) {
        return new AnalystBenchmark.Options(1000, null, 1, 1, 1, 1, 1, Path.of("/tmp"), Path.of("/tmp"), false, List.of(kinds),
                true, false);
    }

    @Test
    void noKindsMeasuresEveryKind() {
        AnalystBenchmark.Options all = kinds();

        assertThat(AnalystRequest.values()).allSatisfy(k -> assertThat(all.measures(k)).as(k.label()).isTrue());
    }

    @Test
    void namedKindsMeasureThoseAlone() {
        AnalystBenchmark.Options some = kinds("attention", "top_words");

        assertThat(List.of(AnalystRequest.values())).filteredOn(some::measures)
                .containsExactly(AnalystRequest.ATTENTION, AnalystRequest.TOP_WORDS);
    }

    @Test
    void anUnknownKindIsRefusedWithTheKindsThereAre() {
        assertThatThrownBy(() -> kinds("search", "facets")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'facets'").hasMessageContaining("top_words");
    }
}
