package dev.plumbline.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * The API's own controls under {@code /sandbox/}, for members of {@value UserInfo#MASTERS} only (every request
 * without credentials is one):
 * {@code POST /sandbox/faults} with {@code {"status":500,"seconds":30,"dropWatches":true}} or
 * {@code {"hang":true,"seconds":30}}, {@code GET} and {@code DELETE /sandbox/faults}, and
 * {@code GET /sandbox/traffic} ({@link TrafficSnapshot} as JSON). These calls are never failed, held or counted.
 */
final class SandboxEndpoints {

    static final String PREFIX = "/sandbox/";
    static final double MAX_SECONDS = 3600;
    private static final String FAULTS = "/sandbox/faults";
    private static final String TRAFFIC = "/sandbox/traffic";
    private static final Set<String> FAULT_FIELDS = Set.of("status", "hang", "seconds", "dropWatches");

    private final ApiTraffic traffic;
    private final Function<RecordedRequest, UserInfo> identify;

    SandboxEndpoints(ApiTraffic traffic, Function<RecordedRequest, UserInfo> identify) {
        this.traffic = traffic;
        this.identify = identify;
    }

    static boolean serves(String uri) {
        return uri != null && uri.startsWith(PREFIX);
    }

    MockResponse answer(RecordedRequest request) {
        String path = request.getPath().split("\\?", 2)[0];
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        try {
            UserInfo user = identify.apply(request);
            if (!user.privileged()) {
                throw new ApiException(
                        403,
                        "Forbidden",
                        "forbidden: User \"" + user.name() + "\" cannot " + method.toLowerCase(Locale.ROOT)
                                + " path \"" + path + "\": only members of " + UserInfo.MASTERS
                                + " may use the sandbox's controls");
            }
            return switch (path) {
                case FAULTS ->
                    switch (method) {
                        case "GET" -> json(200, describe());
                        case "POST" -> json(200, start(KubeJson.read(body(request))));
                        case "DELETE" -> {
                            traffic.clearFaults();
                            yield json(200, describe());
                        }
                        default -> throw notAllowed(method, path, "GET, POST or DELETE");
                    };
                case TRAFFIC -> {
                    if (!method.equals("GET")) {
                        throw notAllowed(method, path, "GET");
                    }
                    yield json(200, trafficJson());
                }
                default ->
                    throw new ApiException(
                            404, "NotFound", path + " is not served; the sandbox serves " + FAULTS + " and " + TRAFFIC);
            };
        } catch (ApiException e) {
            return json(e.code(), e.toStatus());
        }
    }

    private ObjectNode start(JsonNode body) {
        if (!(body instanceof ObjectNode fault)) {
            throw badFault("the body must be a JSON object");
        }
        for (Iterator<String> names = fault.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FAULT_FIELDS.contains(name)) {
                throw badFault("unknown field \"" + name + "\"");
            }
        }
        boolean hang = fault.path("hang").asBoolean(false);
        boolean hasStatus = fault.has("status");
        if (hang == hasStatus) {
            throw badFault("give either \"status\" (an HTTP error code) or \"hang\":true");
        }
        JsonNode seconds = fault.path("seconds");
        if (!seconds.isNumber() || seconds.asDouble() <= 0 || seconds.asDouble() > MAX_SECONDS) {
            throw badFault("\"seconds\" must be a number above 0 and at most " + (long) MAX_SECONDS);
        }
        Duration duration = Duration.ofMillis(Math.round(seconds.asDouble() * 1000));
        boolean dropWatches = fault.path("dropWatches").asBoolean(false);
        int closed;
        if (hang) {
            closed = traffic.hangFor(duration, dropWatches);
        } else {
            JsonNode status = fault.path("status");
            if (!status.isInt() || status.asInt() < 400 || status.asInt() > 599) {
                throw badFault("\"status\" must be an HTTP error code from 400 to 599");
            }
            closed = traffic.failFor(duration, status.asInt(), dropWatches);
        }
        return describe().put("watchesClosed", closed);
    }

    /**
     * The fault in force now: {@code {"fault":{"status":500,"secondsLeft":29.5}}}, {@code {"fault":{"hang":true,...}}}
     * or {@code {"fault":{"none":true}}}.
     */
    private ObjectNode describe() {
        ObjectNode answer = KubeJson.MAPPER.createObjectNode();
        ObjectNode fault = answer.putObject("fault");
        traffic.faults()
                .active()
                .ifPresentOrElse(
                        active -> {
                            if (active.hang()) {
                                fault.put("hang", true);
                            } else {
                                fault.put("status", active.status());
                            }
                            fault.put("secondsLeft", active.remaining().toMillis() / 1000.0);
                        },
                        () -> fault.put("none", true));
        return answer;
    }

    private ObjectNode trafficJson() {
        ObjectNode json = KubeJson.MAPPER.valueToTree(traffic.snapshot());
        json.put("unchangedAppliesLimit", ApplyLedger.UNCHANGED_KEPT);
        json.put(
                "note",
                "unchangedApplies lists the last " + ApplyLedger.UNCHANGED_KEPT
                        + " at most, oldest first; unchangedAppliesTotal counts them all");
        return json;
    }

    private static String body(RecordedRequest request) {
        return request.getBody() == null ? "" : new String(request.getBody().getBytes(), StandardCharsets.UTF_8);
    }

    private static ApiException badFault(String problem) {
        return new ApiException(
                400,
                "BadRequest",
                "bad fault: " + problem + "; send {\"status\":500,\"seconds\":30,\"dropWatches\":true} or "
                        + "{\"hang\":true,\"seconds\":30}");
    }

    private static ApiException notAllowed(String method, String path, String allowed) {
        return new ApiException(405, "MethodNotAllowed", method + " is not allowed on " + path + "; use " + allowed);
    }

    static MockResponse json(int code, JsonNode body) {
        return new MockResponse()
                .setResponseCode(code)
                .setHeader("Content-Type", "application/json")
                .setBody(KubeJson.write(body));
    }
}
