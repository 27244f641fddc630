package newsflow.app.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * The table of contents of the demo corpus, {@code demo/site.txt}: which outlets exist, which article files and
 * static files are served. Resources on the classpath cannot be listed portably (directory vs jar), hence the
 * explicit list.
 */
record SiteIndex(List<Outlet> outlets, List<String> pages, List<String> statics) {

    static final String RESOURCE = "site.txt";

    static SiteIndex load() {
        return parse(ClasspathText.text(RESOURCE));
    }

    static SiteIndex parse(String text) {
        List<Outlet> outlets = new ArrayList<>();
        List<String> pages = new ArrayList<>();
        List<String> statics = new ArrayList<>();
        int lineNo = 0;
        for (String raw : text.split("\n")) {
            lineNo++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int space = line.indexOf(' ');
            String kind = space < 0 ? line : line.substring(0, space);
            String rest = space < 0 ? "" : line.substring(space + 1).strip();
            switch (kind) {
                case "outlet" -> {
                    String[] f = rest.split("\\|");
                    if (f.length != 5) {
                        throw new IllegalStateException(RESOURCE + ":" + lineNo + ": an outlet line needs 5 fields separated by '|': " + line);
                    }
                    outlets.add(new Outlet(f[0].strip(), f[1].strip(), f[2].strip(), f[3].strip(), f[4].strip()));
                }
                case "page" -> pages.add(rest);
                case "static" -> statics.add(rest);
                default -> throw new IllegalStateException(RESOURCE + ":" + lineNo + ": unknown line kind '" + kind + "'");
            }
        }
        return new SiteIndex(List.copyOf(outlets), List.copyOf(pages), List.copyOf(statics));
    }

    Outlet outlet(String id) {
        return outlets.stream().filter(o -> o.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException(RESOURCE + " declares no outlet '" + id + "'"));
    }
}
