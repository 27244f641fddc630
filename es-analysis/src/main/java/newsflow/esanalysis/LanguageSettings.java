package newsflow.esanalysis;

import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.StringSetting;

/**
 * The one setting of the per-language filters, read by the node from the filter's definition in the index
 * settings, e.g. {@code {"type": "newsflow_stemmer", "language": "light_french"}}. The node builds the
 * implementation (a proxy) and hands it to the filter factory's constructor.
 *
 * <p>Empty when the definition has none. That case is not rare: for every index it creates, the node also builds
 * each plugin filter once with empty settings (as a default instance under the filter's own name), so a factory
 * must accept empty settings: it falls back to the default Elasticsearch's matching filter has. Throwing there
 * would make every index creation on the node fail.
 */
@AnalysisSettings
public interface LanguageSettings {

    @StringSetting(path = "language", defaultValue = "")
    String language();
}
