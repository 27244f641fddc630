package newsflow.common.url;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UrlNormalizerTest {

    @Test
    void lowerCasesSchemeAndHostButNotPath() {
        assertThat(UrlNormalizer.canonicalize("HTTPS://News.Example.COM/World/Story-One"))
                .isEqualTo("https://news.example.com/World/Story-One");
    }

    @Test
    void dropsFragmentDefaultPortAndTrackingParameters() {
        assertThat(UrlNormalizer.canonicalize(
                "http://example.com:80/a/b?utm_source=rss&id=7&fbclid=XYZ&utm_medium=feed&gclid=1&page=2#comments"))
                .isEqualTo("http://example.com/a/b?id=7&page=2");
    }

    @Test
    void keepsNonDefaultPortAndRemovesEmptyQuery() {
        assertThat(UrlNormalizer.canonicalize("https://example.com:8443/x?utm_campaign=a"))
                .isEqualTo("https://example.com:8443/x");
    }

    @Test
    void resolvesDotSegmentsAndAddsRootPath() {
        assertThat(UrlNormalizer.canonicalize("https://example.com/a/./b/../c")).isEqualTo("https://example.com/a/c");
        assertThat(UrlNormalizer.canonicalize("https://example.com")).isEqualTo("https://example.com/");
    }

    @Test
    void rejectsNonHttpAndRelativeUrls() {
        assertThatThrownBy(() -> UrlNormalizer.canonicalize("/relative/path")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UrlNormalizer.canonicalize("mailto:someone@example.com")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UrlNormalizer.canonicalize("  ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void trackingParameterNamesAreCaseInsensitive() {
        assertThat(UrlNormalizer.isTrackingParameter("UTM_Source")).isTrue();
        assertThat(UrlNormalizer.isTrackingParameter("FBCLID")).isTrue();
        assertThat(UrlNormalizer.isTrackingParameter("id")).isFalse();
    }
}
