package newsflow.lab.bench;

import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import newsflow.ingest.parse.FeedParser;

import java.io.ByteArrayInputStream;

/** One contender of the parse benchmark: reads a document and says how many entries it found. */
public interface FeedReader {

    String name();

    /** @throws Exception whatever the parser throws on a document it cannot read: the file counts as failed */
    int entries(Corpus.Doc doc) throws Exception;

    /** Ours: charset detection, repairs, JSON Feed, our dates, Rome underneath; as ingest calls it for a file. */
    static FeedReader newsflow(FeedParser parser) {
        return new FeedReader() {
            @Override
            public String name() {
                return "newsflow";
            }

            @Override
            public int entries(Corpus.Doc doc) throws Exception {
                return parser.parse(doc.bytes(), null, doc.url()).items().size();
            }
        };
    }

    /** What a naive integration does: Rome's own charset sniffing and parsing, nothing around it. */
    static FeedReader plainRome() {
        return new FeedReader() {
            @Override
            public String name() {
                return "plain Rome";
            }

            @Override
            public int entries(Corpus.Doc doc) throws Exception {
                try (XmlReader reader = new XmlReader(new ByteArrayInputStream(doc.bytes()))) {
                    return new SyndFeedInput().build(reader).getEntries().size();
                }
            }
        };
    }
}
