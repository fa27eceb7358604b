package dev.plumbline.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes every request of the embedded API once {@link AccessControl} has let it in: discovery, reads, lists,
 * watches and deletes here, writes through {@link ObjectWrites}, access reviews through {@link AccessReviews},
 * objects and watches in the indexed {@link MemoryObjectStore}, and aggregated ClusterRoles brought up to date by
 * {@link ClusterRoleAggregation} before each answer. fabric8's mock server only carries the HTTP and WebSocket
 * traffic.
 */
final class KubeApiDispatcher extends Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(KubeApiDispatcher.class);
    private static final String JSON = "application/json";
    /** Namespaces Kubernetes refuses to delete. */
    private static final Set<String> SYSTEM_NAMESPACES = Set.of("default", "kube-system", "kube-public");

    private final ResourceCatalog catalog;
    private final Discovery discovery;
    private final OpenApiDocuments openApi;
    private final FieldValidation fieldValidation;
    private final MemoryObjectStore store = new MemoryObjectStore();
    private final AccessControl access;
    private final AccessReviews accessReviews;
    private final ObjectWrites writes;
    private final ScaleSubresource scale;
    private final ClusterRoleAggregation aggregation;
    private final ApplyLedger applies;

    KubeApiDispatcher(TokenAuthentication tokens, ApplyLedger applies) {
        this.applies = applies;
        RbacIndex rbac = new RbacIndex();
        store.onChange(rbac::changed);
        RbacAuthorizer authorizer = new RbacAuthorizer(rbac);
        this.access = new AccessControl(tokens, authorizer);
        this.accessReviews = new AccessReviews(authorizer);
        this.writes = new ObjectWrites(store, access::requireCreate);
        this.scale = new ScaleSubresource(store, writes);
        this.aggregation = new ClusterRoleAggregation(store, writes);
        store.onChange(aggregation::changed);
        this.catalog = new ResourceCatalog(this::storedCrds);
        this.discovery = new Discovery(catalog);
        this.openApi = new OpenApiDocuments(catalog);
        this.fieldValidation = new FieldValidation(catalog);
        for (String namespace : List.of("default", "kube-system")) {
            createAtStart(
                    BuiltInResources.NAMESPACES,
                    KubeJson.readObject("{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\""
                            + namespace + "\"}}"));
        }
        BootstrapPolicy.clusterRoles().forEach(role -> createAtStart(RbacIndex.CLUSTER_ROLES, role));
        BootstrapPolicy.clusterRoleBindings()
                .forEach(binding -> createAtStart(RbacIndex.CLUSTER_ROLE_BINDINGS, binding));
        aggregation.reconcile();
    }

    /** Creates what kube-apiserver creates as it starts, recorded under its name as field manager. */
    private void createAtStart(ResourceType type, JsonNode object) {
        writes.create(
                ApiRequest.internal("POST", type.collectionPath(""), "kube-apiserver", KubeJson.write(object)), type);
    }

    @Override
    public synchronized MockResponse dispatch(RecordedRequest recorded) {
        try {
            UserInfo user = access.admit(recorded);
            ApiRequest request = ApiRequest.of(recorded, user);
            long versionBefore = store.currentResourceVersion();
            MockResponse response = route(request);
            if (response.code() < 300 && ApplyLedger.counts(request)) {
                // an apply that stored no new resourceVersion left its object as it was
                boolean unchanged = store.currentResourceVersion() == versionBefore;
                ApiRequest.Target target = request.target().orElseThrow();
                catalog.find(target.group(), target.version(), target.plural())
                        .ifPresent(type -> applies.record(request, recorded, type, unchanged));
            }
            return response;
        } catch (ApiException e) {
            if (e.plainText()) {
                return new MockResponse()
                        .setResponseCode(e.code())
                        .setHeader("Content-Type", "text/plain; charset=utf-8")
                        .setBody(e.getMessage() + "\n");
            }
            return json(e.code(), e.toStatus());
        } catch (RuntimeException e) {
            LOG.warn("{} {} failed", recorded.getMethod(), recorded.getPath(), e);
            return json(500, new ApiException(500, "InternalError", String.valueOf(e.getMessage())).toStatus());
        } finally {
            // what the aggregation controller would do soon after, done before the answer so the caller sees it
            aggregation.reconcile();
        }
    }

    /** Who a request is, as {@link AccessControl#identify} tells, for the API's own {@code /sandbox/} calls. */
    synchronized UserInfo identify(RecordedRequest recorded) {
        return access.identify(recorded);
    }

    /** Closes every open watch, as an API server restart does; answers how many were open. */
    int dropWatches() {
        return store.closeWatches();
    }

    private MockResponse route(ApiRequest request) {
        String path = request.path();
        if (path.equals("/healthz") || path.equals("/livez") || path.equals("/readyz")) {
            return new MockResponse()
                    .setResponseCode(200)
                    .setHeader("Content-Type", "text/plain")
                    .setBody("ok");
        }
        if (path.equals("/") || path.isEmpty()) {
            ObjectNode root = KubeJson.MAPPER.createObjectNode();
            root.putArray("paths")
                    .add("/api")
                    .add("/api/v1")
                    .add("/apis")
                    .add("/healthz")
                    .add("/version");
            return json(200, root);
        }
        Optional<JsonNode> document = request.method().equals("GET")
                ? discovery.document(path, request.host()).or(() -> openApi.document(path))
                : Optional.empty();
        if (document.isPresent()) {
            return json(200, document.get());
        }
        ApiRequest.Target target = request.target().orElseThrow(KubeApiDispatcher::notServed);
        if (AccessReviews.serves(target.group(), target.version())) {
            return json(201, accessReviews.answer(request));
        }
        ResourceType type = catalog.find(target.group(), target.version(), target.plural())
                .orElseThrow(KubeApiDispatcher::notServed);
        boolean collection = target.name().isEmpty();
        if (!request.method().equals("GET") && !request.method().equals("DELETE")) {
            fieldValidation.check(request, type);
        }
        if (!collection && target.subresource().equals(ScaleSubresource.NAME)) {
            return written(scale.answer(request, type));
        }
        return switch (request.method()) {
            case "GET" -> request.watch() ? watch(request, type) : read(request, type, target);
            case "POST" -> collection ? written(writes.create(request, type)) : notAllowed();
            case "PUT" -> collection ? notAllowed() : written(writes.replace(request, type));
            case "PATCH" -> collection ? notAllowed() : written(writes.patch(request, type));
            case "DELETE" -> collection ? deleteCollection(request, type) : delete(request, type, target);
            default -> notAllowed();
        };
    }

    private MockResponse read(ApiRequest request, ResourceType type, ApiRequest.Target target) {
        if (!target.name().isEmpty()) {
            ObjectNode object = store.get(type, target.namespace(), target.name())
                    .orElseThrow(() -> ApiException.notFound(type, target.name()));
            return TableRenderer.wanted(request.accept())
                    ? json(
                            200,
                            TableRenderer.render(
                                    List.of(object),
                                    resourceVersion(object),
                                    request.query().getOrDefault("includeObject", "Metadata")))
                    : json(200, object);
        }
        List<ObjectNode> items = store.list(type, ObjectFilter.of(request));
        String resourceVersion = String.valueOf(store.currentResourceVersion());
        if (TableRenderer.wanted(request.accept())) {
            return json(
                    200,
                    TableRenderer.render(
                            List.copyOf(items),
                            resourceVersion,
                            request.query().getOrDefault("includeObject", "Metadata")));
        }
        ObjectNode list = KubeJson.MAPPER
                .createObjectNode()
                .put("apiVersion", type.apiVersion())
                .put("kind", type.kind() + "List");
        list.putObject("metadata").put("resourceVersion", resourceVersion);
        list.putArray("items").addAll(items);
        return json(200, list);
    }

    /**
     * A watch, as a WebSocket upgrade (fabric8) or, for a plain GET, a streamed HTTP response that
     * {@link KubeHttpServer} takes over; kubectl get -w gets each object as a Table.
     */
    private MockResponse watch(ApiRequest request, ResourceType type) {
        String includeObject = request.query().getOrDefault("includeObject", "Metadata");
        UnaryOperator<JsonNode> presentation = TableRenderer.wanted(request.accept())
                ? object -> TableRenderer.render(List.of(object), resourceVersion(object), includeObject)
                : object -> object;
        WatchStream stream = new WatchStream(
                MemoryObjectStore.typeKey(type),
                ObjectFilter.of(request),
                sinceResourceVersion(request),
                store,
                presentation);
        return new MockResponse().withWebSocketUpgrade(stream);
    }

    /** A watch's {@code resourceVersion}: absent, empty or 0 mean "the current state first", as in Kubernetes. */
    private static long sinceResourceVersion(ApiRequest request) {
        String text = request.query().getOrDefault("resourceVersion", "");
        if (text.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new KubeJson.BadRequest("the resourceVersion \"" + text + "\" is not a number");
        }
    }

    @Override
    public void shutdown() {
        store.closeWatches();
    }

    /**
     * Deleting a namespace deletes what is in it first, as the namespace controller would. The DeleteOptions'
     * preconditions are checked against the object the delete removes, with no write between the two.
     */
    private MockResponse delete(ApiRequest request, ResourceType type, ApiRequest.Target target) {
        DeletePreconditions preconditions = DeletePreconditions.of(request);
        synchronized (store) {
            ObjectNode object = store.get(type, target.namespace(), target.name())
                    .orElseThrow(() -> ApiException.notFound(type, target.name()));
            preconditions.check(type, object);
            if (type.equals(BuiltInResources.NAMESPACES)) {
                if (SYSTEM_NAMESPACES.contains(target.name())) {
                    throw new ApiException(
                            403,
                            "Forbidden",
                            "namespaces \"" + target.name() + "\" is forbidden: this namespace may not be deleted");
                }
                store.deleteAllIn(target.name());
            }
            store.delete(type, target.namespace(), target.name());
            return json(200, object);
        }
    }

    private MockResponse deleteCollection(ApiRequest request, ResourceType type) {
        for (ObjectNode object : store.list(type, ObjectFilter.of(request))) {
            JsonNode metadata = object.path("metadata");
            store.delete(
                    type,
                    metadata.path("namespace").asText(),
                    metadata.path("name").asText());
        }
        ObjectNode status = KubeJson.MAPPER
                .createObjectNode()
                .put("kind", "Status")
                .put("apiVersion", "v1")
                .put("status", "Success");
        status.putObject("metadata");
        return json(200, status);
    }

    private List<JsonNode> storedCrds() {
        return List.copyOf(store.list(BuiltInResources.CUSTOM_RESOURCE_DEFINITIONS, ObjectFilter.EVERYTHING));
    }

    private static MockResponse written(ObjectWrites.Result result) {
        return json(result.code(), result.object());
    }

    private static MockResponse json(int code, JsonNode body) {
        return new MockResponse()
                .setResponseCode(code)
                .setHeader("Content-Type", JSON)
                .setBody(KubeJson.write(body));
    }

    private static String resourceVersion(JsonNode object) {
        return object.path("metadata").path("resourceVersion").asText("0");
    }

    private static ApiException notServed() {
        return new ApiException(404, "NotFound", "the server could not find the requested resource");
    }

    private static MockResponse notAllowed() {
        return json(
                405,
                new ApiException(
                                405,
                                "MethodNotAllowed",
                                "the server does not allow this method on the requested resource")
                        .toStatus());
    }
}
