package newsflow.ingest.parse;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.impl.XmlFixerReader;
import org.jdom2.Document;
import org.jdom2.JDOMException;

import java.io.IOException;
import java.io.StringReader;

/**
 * Rome's XML reading split in two, so the document can be repaired between parsing and mapping. Parsing uses
 * Rome's own SAX builder, which refuses DOCTYPE declarations (no external entities, no entity bombs) and
 * ignores external resources, behind Rome's {@link XmlFixerReader} (HTML entities such as {@code &eacute;}
 * in feeds that never declared them).
 */
final class RomeInput extends WireFeedInput {

    /** @throws JDOMException when the text is not well-formed XML (or carries a DOCTYPE) */
    Document document(String xml) throws JDOMException, IOException {
        return createSAXBuilder().build(new XmlFixerReader(new StringReader(xml)));
    }

    /**
     * @throws IllegalArgumentException when no Rome parser recognises the document
     * @throws FeedException            when the recognised parser fails
     */
    WireFeed feed(Document document) throws FeedException {
        return build(document);
    }
}
