package newsflow.app.run;

import newsflow.common.stage.Stage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code /ready} says: READY when every stage has started and every service they need answers;
 * STARTING while a stage is still starting; UNAVAILABLE while a needed service is unreachable, with the reason
 * under {@code unreachable} (service → address and error).
 */
record ReadyAnswer(boolean ready, Map<String, Object> body) {

    static ReadyAnswer of(List<Stage> stages, Map<String, String> unreachable) {
        Map<String, Boolean> byStage = new LinkedHashMap<>();
        stages.forEach(s -> byStage.put(s.name(), s.ready()));
        boolean started = byStage.values().stream().allMatch(Boolean::booleanValue);
        String status = !unreachable.isEmpty() ? "UNAVAILABLE" : started ? "READY" : "STARTING";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("stages", byStage);
        if (!unreachable.isEmpty()) {
            body.put("unreachable", Map.copyOf(unreachable));
        }
        return new ReadyAnswer(status.equals("READY"), body);
    }
}
