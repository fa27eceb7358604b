package dev.plumbline.sandbox.kube;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Descriptors;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import io.kubernetes.client.proto.Runtime;
import io.kubernetes.client.proto.V1;
import io.kubernetes.client.proto.V1Apps;
import io.kubernetes.client.proto.V1Authentication;
import io.kubernetes.client.proto.V1Authorization;
import io.kubernetes.client.proto.V1Autoscaling;
import io.kubernetes.client.proto.V1Batch;
import io.kubernetes.client.proto.V1Networking;
import io.kubernetes.client.proto.V1Policy;
import io.kubernetes.client.proto.V1Rbac;
import java.util.Arrays;
import java.util.Map;

/**
 * Reads the protobuf bodies kubectl sends for built-in types ({@code kubectl create namespace},
 * {@code create configmap}, {@code create deployment}, ...) into the JSON the API stores. Such a body is the
 * magic {@code k8s\0} followed by a {@code runtime.Unknown} envelope that names the apiVersion and kind and
 * carries the object's message from Kubernetes' {@code generated.proto}.
 */
final class ProtobufBody {

    static final String CONTENT_TYPE = "application/vnd.kubernetes.protobuf";
    private static final byte[] MAGIC = {'k', '8', 's', 0};

    /** The protobuf files of the API groups the sandbox serves, by apiVersion. */
    private static final Map<String, Descriptors.FileDescriptor> FILES = Map.of(
            "v1", V1.getDescriptor(),
            "apps/v1", V1Apps.getDescriptor(),
            "batch/v1", V1Batch.getDescriptor(),
            "networking.k8s.io/v1", V1Networking.getDescriptor(),
            "rbac.authorization.k8s.io/v1", V1Rbac.getDescriptor(),
            "policy/v1", V1Policy.getDescriptor(),
            "autoscaling/v1", V1Autoscaling.getDescriptor(),
            "authorization.k8s.io/v1", V1Authorization.getDescriptor(),
            "authentication.k8s.io/v1", V1Authentication.getDescriptor());

    private ProtobufBody() {}

    static boolean is(String contentType) {
        return contentType.split(";")[0].strip().equalsIgnoreCase(CONTENT_TYPE);
    }

    /** The object in the body, as JSON with its apiVersion and kind. */
    static ObjectNode toJson(byte[] body) {
        if (body.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(body, MAGIC.length), MAGIC)) {
            throw new KubeJson.BadRequest("the protobuf body does not start with the Kubernetes magic bytes k8s\\0");
        }
        Runtime.Unknown envelope;
        try {
            envelope = Runtime.Unknown.parseFrom(Arrays.copyOfRange(body, MAGIC.length, body.length));
        } catch (InvalidProtocolBufferException e) {
            throw new KubeJson.BadRequest("the protobuf body is not a Kubernetes runtime.Unknown: " + e.getMessage());
        }
        String apiVersion = envelope.getTypeMeta().getApiVersion();
        String kind = envelope.getTypeMeta().getKind();
        Descriptors.Descriptor type = messageType(apiVersion, kind);
        ObjectNode object =
                KubeJson.MAPPER.createObjectNode().put("apiVersion", apiVersion).put("kind", kind);
        try {
            object.setAll(ProtobufJson.object(DynamicMessage.parseFrom(type, envelope.getRaw())));
        } catch (InvalidProtocolBufferException e) {
            throw new KubeJson.BadRequest(
                    "the protobuf body is not a valid " + kind + " of " + apiVersion + ": " + e.getMessage());
        }
        return object;
    }

    private static Descriptors.Descriptor messageType(String apiVersion, String kind) {
        Descriptors.FileDescriptor file = FILES.get(apiVersion);
        Descriptors.Descriptor type = file == null ? null : file.findMessageTypeByName(kind);
        if (type == null) {
            throw new ApiException(
                    415,
                    "UnsupportedMediaType",
                    "this embedded API cannot read " + kind + " of " + apiVersion
                            + " as protobuf; send it as application/json");
        }
        return type;
    }
}
