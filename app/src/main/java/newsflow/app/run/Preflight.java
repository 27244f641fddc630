package newsflow.app.run;

import newsflow.common.config.InvalidConfigException;
import newsflow.common.config.NewsflowConfig;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What can be known wrong before anything starts, reported all at once under the keys to fix: the HTTP
 * ports this process will listen on already taken, and a configured external Kafka or Elasticsearch that does
 * not answer within {@code health.startupWait}. (Values out of range are refused earlier, when the
 * configuration loads; the local stack checks its own ports once it holds its data directory.)
 */
public final class Preflight {

    private Preflight() {
    }

    /**
     * @throws InvalidConfigException naming every problem found
     */
    public static void check(NewsflowConfig config, Set<StageName> stages) {
        List<String> problems = problems(config, stages);
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
    }

    static List<String> problems(NewsflowConfig config, Set<StageName> stages) {
        List<String> problems = new ArrayList<>();
        portInUse("server.port", config.server().host(), config.server().port()).ifPresent(problems::add);
        if (stages.contains(StageName.INGEST) && config.websub().enabled()) {
            portInUse("websub.port", config.websub().host(), config.websub().port()).ifPresent(problems::add);
        }
        Map<String, List<InetSocketAddress>> external = new LinkedHashMap<>();
        boolean kafka = stages.contains(StageName.INGEST) || stages.contains(StageName.ENRICH) || stages.contains(StageName.INDEX)
                || stages.contains(StageName.ALERTS);
        boolean elasticsearch = stages.contains(StageName.INDEX) || stages.contains(StageName.SEARCH) || stages.contains(StageName.ALERTS);
        if (kafka && !config.kafka().embedded()) {
            String servers = config.kafka().bootstrapServers();
            try {
                external.put("kafka.bootstrapServers " + servers, kafkaAddresses(servers));
            } catch (RuntimeException e) {
                problems.add("kafka.bootstrapServers: not a list of host:port, got '" + servers + "'");
            }
        }
        if (elasticsearch && !config.elasticsearch().embedded()) {
            String url = config.elasticsearch().url();
            try {
                external.put("elasticsearch.url " + url, Arrays.stream(url.split(","))
                        .map(String::strip).filter(u -> !u.isEmpty()).map(Preflight::httpAddress).toList());
            } catch (RuntimeException e) {
                problems.add("elasticsearch.url: not an http(s) URL with a host, got '" + url + "'");
            }
        }
        problems.addAll(unreachable(external, config.health().startupWait()));
        return problems;
    }

    static java.util.Optional<String> portInUse(String key, String host, int port) {
        if (port == 0) {
            return java.util.Optional.empty();
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(host, port), 1);
            return java.util.Optional.empty();
        } catch (IOException e) {
            return java.util.Optional.of(key + ": " + host + ":" + port + " is already in use or cannot be bound (" + e.getMessage() + ")");
        }
    }

    /**
     * Each service (by the key and value that configure it) must accept a TCP connection on one of its
     * addresses before {@code wait} has passed; tried again every half second, so a service still starting counts.
     */
    static List<String> unreachable(Map<String, List<InetSocketAddress>> services, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        Map<String, String> failing = new LinkedHashMap<>();
        services.keySet().forEach(k -> failing.put(k, "not tried"));
        while (true) {
            for (var service : services.entrySet()) {
                if (failing.containsKey(service.getKey())) {
                    String error = connectAny(service.getValue());
                    if (error == null) {
                        failing.remove(service.getKey());
                    } else {
                        failing.put(service.getKey(), error);
                    }
                }
            }
            if (failing.isEmpty() || System.nanoTime() >= deadline) {
                break;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return failing.entrySet().stream()
                .map(f -> f.getKey() + ": unreachable within " + wait.toSeconds() + " s (health.startupWait): " + f.getValue())
                .toList();
    }

    private static String connectAny(List<InetSocketAddress> addresses) {
        String last = "no address";
        for (InetSocketAddress address : addresses) {
            if (address.isUnresolved()) {
                last = "cannot resolve " + address.getHostString();
                continue;
            }
            try (Socket socket = new Socket()) {
                socket.connect(address, 1000);
                return null;
            } catch (IOException e) {
                last = address.getHostString() + ":" + address.getPort() + " " + e.getMessage();
            }
        }
        return last;
    }

    static List<InetSocketAddress> kafkaAddresses(String bootstrapServers) {
        return Arrays.stream(bootstrapServers.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(s -> s.replaceFirst("^[A-Za-z_]+://", ""))
                .map(s -> {
                    int colon = s.lastIndexOf(':');
                    String host = colon < 0 ? s : s.substring(0, colon).replaceAll("^\\[|]$", "");
                    int port = colon < 0 ? 9092 : Integer.parseInt(s.substring(colon + 1));
                    return new InetSocketAddress(host, port);
                })
                .toList();
    }

    static InetSocketAddress httpAddress(String url) {
        URI uri = URI.create(url);
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("no host in " + url);
        }
        int port = uri.getPort() > 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return new InetSocketAddress(uri.getHost(), port);
    }
}
