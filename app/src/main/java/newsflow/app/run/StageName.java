package newsflow.app.run;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The stages one newsflow process can run; operators scale out by running more processes with some of them. */
public enum StageName {
    INGEST, ENRICH, INDEX, SEARCH, ALERTS;

    public static Set<StageName> parse(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank() || commaSeparated.strip().equalsIgnoreCase("all")) {
            return EnumSet.allOf(StageName.class);
        }
        EnumSet<StageName> stages = EnumSet.noneOf(StageName.class);
        for (String part : commaSeparated.split(",")) {
            String name = part.strip().toUpperCase(Locale.ROOT);
            try {
                stages.add(StageName.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown stage '" + part.strip() + "' (stages: ingest, enrich, index, search, alerts, all)");
            }
        }
        return stages;
    }

    public String lower() {
        return name().toLowerCase(Locale.ROOT);
    }
}
