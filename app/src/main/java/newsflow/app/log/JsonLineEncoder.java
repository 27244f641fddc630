package newsflow.app.log;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import com.fasterxml.jackson.databind.node.ObjectNode;
import newsflow.common.json.Json;
import newsflow.common.log.LogContext;

import java.util.Map;

/**
 * One JSON object per log line, for log shippers: {@code time} (ISO-8601, UTC), {@code level}, {@code stage},
 * {@code logger}, {@code thread}, {@code message}, {@code feed} or {@code article} when the line is about one
 * ({@link LogContext}), and {@code error} and {@code stack} when it carries an exception. Fields that are not known
 * are left out, never empty. A message's line breaks stay inside its JSON string, so a line is always one event.
 */
public final class JsonLineEncoder extends EncoderBase<ILoggingEvent> {

    private static final byte[] NONE = new byte[0];

    @Override
    public byte[] headerBytes() {
        return NONE;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        ObjectNode line = Json.mapper().createObjectNode();
        line.put("time", event.getInstant().toString());
        line.put("level", event.getLevel().toString());
        Map<String, String> context = event.getMDCPropertyMap();
        putIfKnown(line, LogContext.STAGE, context.get(LogContext.STAGE));
        line.put("logger", event.getLoggerName());
        line.put("thread", event.getThreadName());
        line.put("message", event.getFormattedMessage());
        putIfKnown(line, LogContext.FEED, context.get(LogContext.FEED));
        putIfKnown(line, LogContext.ARTICLE, context.get(LogContext.ARTICLE));
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            line.put("error", thrown.getClassName() + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage()));
            line.put("stack", ThrowableProxyUtil.asString(thrown));
        }
        byte[] json = Json.writeBytes(line);
        byte[] out = new byte[json.length + 1];
        System.arraycopy(json, 0, out, 0, json.length);
        out[json.length] = '\n';
        return out;
    }

    @Override
    public byte[] footerBytes() {
        return NONE;
    }

    private static void putIfKnown(ObjectNode line, String field, String value) {
        if (value != null && !value.isEmpty()) {
            line.put(field, value);
        }
    }
}
