package newsflow.app.cli;

import newsflow.app.status.PipelineStatus;
import newsflow.common.kafka.ConsumerGroups;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders {@code newsflow status} for a terminal. */
final class StatusPrinter {

    private static final int MAX_FAILING_SHOWN = 20;
    private static final int ERROR_WIDTH = 70;

    private StatusPrinter() {
    }

    static String render(PipelineStatus s) {
        StringBuilder out = new StringBuilder();
        out.append("newsflow status at ").append(s.at()).append("\n\n");
        if (!s.stages().isEmpty()) {
            out.append("stages\n");
            List<List<String>> rows = new ArrayList<>();
            for (PipelineStatus.Stage st : s.stages()) {
                rows.add(List.of(st.stage(), st.group(), st.state(), Integer.toString(st.members().size()),
                        st.lag() == null ? "-" : st.lag() + " on " + st.topic(), members(st.members())));
            }
            out.append(indent(Table.render(List.of("STAGE", "GROUP", "STATE", "INSTANCES", "LAG", "MEMBERS"), rows)));
        }
        if (s.feeds() != null) {
            PipelineStatus.Feeds f = s.feeds();
            out.append(String.format(Locale.ROOT, "%nfeeds: %d registered, %d failing, %d not polled yet%n",
                    f.registered(), f.failing().size(), f.notPolled()));
            List<List<String>> rows = f.failing().stream().limit(MAX_FAILING_SHOWN)
                    .map(x -> List.of(x.url(), Integer.toString(x.errorStreak()), Table.cell(x.lastError(), ERROR_WIDTH)))
                    .toList();
            if (!rows.isEmpty()) {
                out.append(indent(Table.render(List.of("FAILING FEED", "ERRORS IN A ROW", "LAST ERROR"), rows)));
                if (f.failing().size() > rows.size()) {
                    out.append("  … and ").append(f.failing().size() - rows.size()).append(" more (newsflow feeds status)\n");
                }
            }
        }
        if (s.deadLetters() != null) {
            PipelineStatus.DeadLetters d = s.deadLetters();
            out.append(String.format(Locale.ROOT, "%ndead letters in the last hour: %d%s%n", d.total(),
                    d.byStage().isEmpty() ? "" : " (" + d.byStage().entrySet().stream().sorted(Map.Entry.comparingByKey())
                            .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")) + ")"));
        }
        if (s.elasticsearch() != null) {
            PipelineStatus.Elasticsearch e = s.elasticsearch();
            out.append(String.format(Locale.ROOT, "%nelasticsearch %s: %s, %d node(s)%n", e.url(), e.health(), e.nodes()));
            out.append(String.format(Locale.ROOT, "  alias %s: %s, schema version %s (this build writes %d)%s%n",
                    e.alias(), e.documents() == null ? "not created yet" : e.documents() + " documents",
                    e.liveVersions().isEmpty() ? "-" : e.liveVersions().stream().map(String::valueOf).collect(Collectors.joining(", ")),
                    e.buildVersion(),
                    !e.liveVersions().isEmpty() && !e.liveVersions().equals(java.util.Set.of(e.buildVersion()))
                            ? ": run `newsflow index upgrade` (docs/upgrades.md)" : ""));
            out.append(String.format(Locale.ROOT, "  alert matching: %s%n", e.alertMatching()));
        }
        if (s.disk() != null) {
            PipelineStatus.Disk d = s.disk();
            if (d.freeBytes() == null) {
                out.append(String.format(Locale.ROOT, "%nlocal stack data %s: does not exist%n", d.dataDir()));
            } else if (d.kafkaBytes() == 0 && d.elasticsearchBytes() == 0) {
                out.append(String.format(Locale.ROOT, "%nlocal stack data %s: none (external Kafka and Elasticsearch, or "
                        + "not started here), %s free%n", d.dataDir(), bytes(d.freeBytes())));
            } else {
                out.append(String.format(Locale.ROOT, "%nlocal stack data %s: %s (kafka %s, elasticsearch %s), %s free%n",
                        d.dataDir(), bytes(d.totalBytes()), bytes(d.kafkaBytes()), bytes(d.elasticsearchBytes()),
                        bytes(d.freeBytes())));
            }
        }
        if (!s.problems().isEmpty()) {
            out.append("\nproblems\n");
            s.problems().forEach(p -> out.append("  ").append(p).append('\n'));
        }
        return out.toString();
    }

    private static String members(List<ConsumerGroups.Member> members) {
        return members.stream().map(m -> m.clientId() + "@" + m.host().replaceFirst("^/", "")
                + (m.partitions().isEmpty() ? "" : " " + m.partitions())).collect(Collectors.joining(", "));
    }

    static String bytes(long n) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? n + " B" : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    private static String indent(String table) {
        return table.lines().map(l -> "  " + l + "\n").collect(Collectors.joining());
    }

}
