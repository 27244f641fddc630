package newsflow.enrich.lang;

import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorContextGenerator;
import opennlp.tools.langdetect.LanguageDetectorFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Our features and OpenNLP's are the same, so detecting through them changes nothing but the time it takes. */
class NgramContextTest {

    static final List<String> TEXTS = List.of(
            "The ferry operator cancelled the morning crossings because of the storm.",
            "ÇOK GÜZEL! İstanbul'da yağmur yağıyor; Ålesund, Øresund, ÆØÅ — and straße.",
            "Visit https://kestrel-bay.example/news?id=42 or write to @kestrelherald #ferry for 1,200.50 tickets",
            "Sooooo goooood!!!! 😀😀😀 Wow… “quoted” text\twith\ttabs\nand lines",
            "中文新闻：渡轮在冬季维修后恢复运营。日本語のニュースです。한국어 뉴스입니다.",
            "Η κυβέρνηση ανακοίνωσε νέα μέτρα. Правительство объявило новые меры. الحكومة أعلنت إجراءات جديدة",
            "", " ", "a", "ab");

    static List<String> sentences() throws IOException {
        List<String> out = new ArrayList<>();
        try (InputStream in = NgramContextTest.class.getResourceAsStream("/lang/sentences.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("#") && line.contains("\t")) {
                    out.add(line.substring(line.indexOf('\t') + 1));
                }
            }
        }
        return out;
    }

    @Test
    void theFeaturesAreOpenNlpsOwn() throws IOException {
        LanguageDetectorContextGenerator openNlp = new LanguageDetectorFactory().getContextGenerator();
        List<String> texts = new ArrayList<>(TEXTS);
        texts.addAll(sentences());
        texts.add(String.join(" ", sentences()));
        for (String text : texts) {
            Set<String> expected = new HashSet<>();
            for (CharSequence feature : openNlp.getContext(text)) {
                expected.add(feature.toString());
            }
            String[] ours = NgramContext.of(text);
            assertThat(ours).as(text).hasSize(expected.size()); // distinct, as OpenNLP's
            assertThat(new HashSet<>(Arrays.asList(ours))).as(text).isEqualTo(expected);
        }
    }

    @Test
    void theClearBestLanguageIsTheOneOpenNlpsDetectorRanksFirst() throws IOException {
        List<String> texts = new ArrayList<>(sentences());
        texts.add(String.join(" ", sentences()));
        for (String text : texts) {
            Language[] ranked = LanguageDetector.Holder.detector().predictLanguages(text);
            boolean clear = ranked[0].getConfidence() >= LanguageDetector.MIN_LEAD * ranked[1].getConfidence();
            assertThat(LanguageDetector.clearBest(text)).as(text).isEqualTo(clear ? ranked[0].getLang() : null);
        }
    }
}
