package dev.plumbline.notifier.acceptance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.ApplyAction;
import dev.plumbline.events.AuditRecord;
import dev.plumbline.events.DriftDetected;
import dev.plumbline.events.NotificationDeadLettered;
import dev.plumbline.events.NotificationSent;
import dev.plumbline.events.PlumblineService;
import dev.plumbline.events.RenderFailed;
import dev.plumbline.events.kafka.EventTestClient;
import dev.plumbline.events.manifest.DriftedField;
import dev.plumbline.events.manifest.DriftedObject;
import dev.plumbline.events.manifest.FieldManagerAttribution;
import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.events.topic.Topics;
import dev.plumbline.events.vocabulary.ApplyOperation;
import dev.plumbline.events.vocabulary.ApplyResult;
import dev.plumbline.events.vocabulary.DriftKind;
import dev.plumbline.events.vocabulary.DriftMode;
import dev.plumbline.events.vocabulary.NotificationChannel;
import dev.plumbline.events.vocabulary.NotificationOccasion;
import dev.plumbline.events.vocabulary.RenderFailureReason;
import dev.plumbline.events.vocabulary.RendererKind;
import dev.plumbline.events.vocabulary.SyncTrigger;
import dev.plumbline.sandbox.kafka.EmbeddedKafkaResource;
import dev.plumbline.servicekit.messaging.ApplicationsListener;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The notifier against real servers: WireMock playing Slack (200 ok, 429 with Retry-After, 500, a timeout, a
 * refusal), GreenMail as the SMTP server, and a webhook receiver that checks signatures; events come through a
 * real broker and the notifier's real channels.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedKafkaResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = DestinationPorts.class, restrictToAnnotatedClass = true)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Tag("slow")
class DeliveryAcceptanceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String SHA = "9f8e7d6c5b4a39281706f5e4d3c2b1a098f7e6d5";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static WireMockServer slack;
    private static GreenMail smtp;
    private static SignedWebhookReceiver webhook;

    @Inject
    ApplicationsListener applications;

    @BeforeAll
    static void startDestinations() {
        slack = new WireMockServer(options().port(DestinationPorts.port(DestinationPorts.SLACK_PORT)));
        slack.start();
        smtp = new GreenMail(new ServerSetup(DestinationPorts.port(DestinationPorts.SMTP_PORT), "127.0.0.1", "smtp"));
        smtp.start();
        webhook = new SignedWebhookReceiver(
                DestinationPorts.port(DestinationPorts.WEBHOOK_PORT), DestinationPorts.WEBHOOK_SECRET);
    }

    @AfterAll
    static void stopDestinations() {
        slack.stop();
        smtp.stop();
        webhook.close();
    }

    @Test
    void slackAnsweringOkGetsOneBlockKitMessageWithAPlainTextFallback() throws Exception {
        stubSlack("ok", aResponse().withStatus(200).withBody("ok"));
        try (EventTestClient kafka = kafka()) {
            subscribe(
                    kafka,
                    AcceptanceEvents.app(
                            "ok-app", NotificationOccasion.DRIFT_DETECTED, NotificationChannel.SLACK, "ok"));
            kafka.send(drift("ok-app", 1, 0));

            List<ServeEvent> requests = awaitRequests("ok", 1);
            JsonNode body = JSON.readTree(requests.get(0).getRequest().getBodyAsString());
            assertThat(body.get("text").asText()).startsWith("1 object drifted in app ok-app");
            assertThat(body.get("blocks").toString()).contains("header", "*App*\\nok-app", "kubectl-edit", "will heal");
            await().atMost(PATIENCE)
                    .untilAsserted(() -> assertThat(metrics()).contains("destination=\"ok\",outcome=\"delivered\""));
        }
    }

    @Test
    void slackAnswering429IsTriedAgainNoSoonerThanItsRetryAfter() {
        slack.stubFor(post(urlPathEqualTo(path("limited")))
                .inScenario("limited")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "2")
                        .withBody("rate_limited"))
                .willSetStateTo("calm"));
        slack.stubFor(post(urlPathEqualTo(path("limited")))
                .inScenario("limited")
                .whenScenarioStateIs("calm")
                .willReturn(aResponse().withStatus(200).withBody("ok")));
        try (EventTestClient kafka = kafka()) {
            subscribe(
                    kafka,
                    AcceptanceEvents.app(
                            "limited-app", NotificationOccasion.DRIFT_DETECTED, NotificationChannel.SLACK, "limited"));
            kafka.send(drift("limited-app", 1, 0));

            List<ServeEvent> requests = awaitRequests("limited", 2);
            assertThat(requests.get(1).getRequest().getLoggedDate().getTime()
                            - requests.get(0).getRequest().getLoggedDate().getTime())
                    .isGreaterThanOrEqualTo(2000);
            assertThat(requests.get(1).getResponse().getStatus()).isEqualTo(200);
        }
    }

    @Test
    void aMessageAnotherInstanceDeliveredWhileThisOneWaitedToTryAgainIsNotSentTwice() {
        slack.stubFor(post(urlPathEqualTo(path("handed")))
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "3")
                        .withBody("rate_limited")));
        try (EventTestClient kafka = kafka()) {
            subscribe(
                    kafka,
                    AcceptanceEvents.app(
                            "handed-app", NotificationOccasion.DRIFT_DETECTED, NotificationChannel.SLACK, "handed"));
            kafka.send(drift("handed-app", 1, 0));
            awaitRequests("handed", 1);

            // the app's partition moved: the instance that took it over told Slack and wrote it in the delivery log
            kafka.send(NotificationSent.of(
                    "c",
                    "handed-app",
                    NotificationOccasion.DRIFT_DETECTED.label() + "/handed-app/" + SHA + "/",
                    NotificationOccasion.DRIFT_DETECTED,
                    NotificationChannel.SLACK,
                    "handed",
                    SHA,
                    List.of(object(1)),
                    List.of()));
            stubSlack("handed", aResponse().withStatus(200).withBody("ok"));

            await().atMost(PATIENCE)
                    .untilAsserted(
                            () -> assertThat(metrics()).contains("destination=\"handed\",outcome=\"suppressed\""));
            assertThat(slackRequests("handed")).hasSize(1);
        }
    }

    @Test
    void slackAnswering500IsTriedAgainWithBackoffUntilItTakesTheMessageOnce() {
        slack.stubFor(post(urlPathEqualTo(path("broken")))
                .inScenario("broken")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500))
                .willSetStateTo("still broken"));
        slack.stubFor(post(urlPathEqualTo(path("broken")))
                .inScenario("broken")
                .whenScenarioStateIs("still broken")
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("mended"));
        slack.stubFor(post(urlPathEqualTo(path("broken")))
                .inScenario("broken")
                .whenScenarioStateIs("mended")
                .willReturn(aResponse().withStatus(200).withBody("ok")));
        try (EventTestClient kafka = kafka()) {
            subscribe(
                    kafka,
                    AcceptanceEvents.app(
                            "broken-app", NotificationOccasion.DRIFT_DETECTED, NotificationChannel.SLACK, "broken"));
            kafka.send(drift("broken-app", 1, 0));

            List<ServeEvent> requests = awaitRequests("broken", 3);
            assertThat(requests)
                    .extracting(event -> event.getResponse().getStatus())
                    .containsExactly(500, 503, 200);
            assertThat(requests)
                    .extracting(event -> event.getRequest().getBodyAsString())
                    .containsOnly(requests.get(0).getRequest().getBodyAsString());
        }
    }

    @Test
    void slackNotAnsweringInTimeIsTriedAgain() {
        slack.stubFor(post(urlPathEqualTo(path("slow")))
                .inScenario("slow")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(200).withBody("ok").withFixedDelay(6000))
                .willSetStateTo("quick"));
        slack.stubFor(post(urlPathEqualTo(path("slow")))
                .inScenario("slow")
                .whenScenarioStateIs("quick")
                .willReturn(aResponse().withStatus(200).withBody("ok")));
        try (EventTestClient kafka = kafka()) {
            subscribe(
                    kafka,
                    AcceptanceEvents.app(
                            "slow-app", NotificationOccasion.DRIFT_DETECTED, NotificationChannel.SLACK, "slow"));
            kafka.send(drift("slow-app", 1, 0));

            awaitRequests("slow", 2);
            await().atMost(PATIENCE)
                    .untilAsserted(() -> assertThat(metrics())
                            .contains("destination=\"slow\",result=\"failed\"")
                            .contains("destination=\"slow\",outcome=\"delivered\""));
        }
    }

    @Test
    void aRefusalGoesToTheDeadLettersAtOnceWithItsErrorAndWithoutTheUrl() throws Exception {
        stubSlack("refusing", aResponse().withStatus(404).withBody("no_service"));
        try (EventTestClient kafka = kafka()) {
            subscribe(
                    kafka,
                    AcceptanceEvents.app(
                            "refused-app", NotificationOccasion.DRIFT_DETECTED, NotificationChannel.SLACK, "refusing"));
            kafka.send(drift("refused-app", 1, 0));

            NotificationDeadLettered dead =
                    await().atMost(PATIENCE).until(() -> deadLetter("refused-app"), found -> found != null);
            // a slow answer under load may count as a timeout first; the refusal itself ends the tries at once
            assertThat(dead.attempts()).isEqualTo(slackRequests("refusing").size());
            assertThat(metrics()).contains("destination=\"refusing\",result=\"refused\"} 1.0");
            assertThat(dead.lastError())
                    .contains("404", "no_service", "slack:refusing")
                    .doesNotContain("127.0.0.1", "T000");
            assertThat(dead.payload()).contains("refused-app");
            assertThat(metrics())
                    .contains("plumbline_notifier_dead_letters_total{channel=\"slack\"," + "destination=\"refusing\"");
        }
    }

    @Test
    void fiveHundredDriftEventsForOneAppInTenSecondsMakeAHandfulOfMessagesCountingEveryObject() {
        stubSlack("storm", aResponse().withStatus(200).withBody("ok"));
        try (EventTestClient kafka = kafka()) {
            subscribe(
                    kafka,
                    AcceptanceEvents.app(
                            "storm-app", NotificationOccasion.DRIFT_DETECTED, NotificationChannel.SLACK, "storm"));
            List<DriftDetected> storm = java.util.stream.IntStream.range(0, 500)
                    .mapToObj(i -> drift("storm-app", i, i / 50))
                    .toList();
            Duration took = AcceptanceEvents.sendAll(bootstrapServers(), storm);
            assertThat(took).isLessThan(Duration.ofSeconds(10));

            await().atMost(PATIENCE).until(() -> objectsCounted(slackRequests("storm")) == 500);
            assertThat(slackRequests("storm")).hasSizeLessThanOrEqualTo(5);
        }
    }

    @Test
    void aFailedSyncIsMailedOnceWithAnHtmlAndATextPart() throws Exception {
        try (EventTestClient kafka = kafka()) {
            subscribe(
                    kafka,
                    AcceptanceEvents.app(
                            "mail-app",
                            NotificationOccasion.SYNC_FAILED,
                            NotificationChannel.EMAIL,
                            "team@example.com"));
            for (int i = 1; i <= 3; i++) {
                kafka.send(ApplyAction.of(
                        "c",
                        "mail-app",
                        SHA,
                        "sync-1",
                        SyncTrigger.AUTOMATED,
                        AuditRecord.PLUMBLINE_ACTOR,
                        object(i),
                        ApplyOperation.APPLY,
                        i == 2 ? ApplyResult.FAILED : ApplyResult.SUCCEEDED,
                        i == 2 ? "admission webhook denied the request" : null,
                        i,
                        3));
            }

            await().atMost(PATIENCE).until(() -> smtp.getReceivedMessages().length >= 1);
            MimeMessage mail = smtp.getReceivedMessages()[0];
            assertThat(mail.getSubject()).isEqualTo("[plumbline] Sync of app mail-app at 9f8e7d6 failed");
            assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("team@example.com");
            String parts = parts((MimeMultipart) mail.getContent());
            assertThat(parts)
                    .contains(
                            "text/plain",
                            "text/html",
                            "admission webhook denied the request",
                            "<li><code>Deployment apps/v1 shop/web-2</code> failed");
        }
    }

    @Test
    void aWebhookReceivesASignedBodyItCanVerify() throws Exception {
        try (EventTestClient kafka = kafka()) {
            subscribe(
                    kafka,
                    AcceptanceEvents.app(
                            "hook-app", NotificationOccasion.RENDER_FAILED, NotificationChannel.WEBHOOK, "pager"));
            kafka.send(RenderFailed.of(
                    "c",
                    "hook-app",
                    "https://git.example.com/shop.git",
                    SHA,
                    "apps/hook",
                    RendererKind.KUSTOMIZE,
                    RenderFailureReason.INVALID_MANIFEST,
                    "base ../base not found",
                    "apps/hook/kustomization.yaml",
                    3,
                    null));

            await().atMost(PATIENCE).until(() -> webhook.received().size() >= 1);
            SignedWebhookReceiver.Received received = webhook.received().get(0);
            assertThat(received.signatureValid()).isTrue();
            assertThat(received.deliveryId()).isNotBlank();
            JsonNode body = JSON.readTree(received.body());
            assertThat(body.get("trigger").asText()).isEqualTo("render-failed");
            assertThat(body.get("app").asText()).isEqualTo("hook-app");
            assertThat(body.at("/facts/error").asText()).isEqualTo("base ../base not found");
            assertThat(body.get("id").asText()).isEqualTo(received.deliveryId());
        }
    }

    private void subscribe(EventTestClient kafka, ApplicationSpec spec) {
        kafka.send(spec);
        await().atMost(PATIENCE)
                .until(() -> applications.catalog().get(spec.app()).isPresent());
    }

    private static EventTestClient kafka() {
        EventTestClient kafka = new EventTestClient(bootstrapServers());
        kafka.ensureTopics(
                Stream.of(PlumblineService.RECONCILER, PlumblineService.RENDERER, PlumblineService.DRIFT_AUDITOR)
                        .flatMap(service -> service.ownedTopics().stream())
                        .toList());
        return kafka;
    }

    private static DriftDetected drift(String app, int object, int episode) {
        return DriftDetected.of(
                "c",
                app,
                app + "-episode-" + episode,
                SHA,
                DriftMode.HEAL,
                null,
                List.of(new DriftedObject(
                        object(object),
                        DriftKind.MODIFIED,
                        List.of(new DriftedField(
                                "spec.replicas",
                                JSON.getNodeFactory().numberNode(3),
                                JSON.getNodeFactory().numberNode(5),
                                new FieldManagerAttribution("kubectl-edit", "Update", null))))));
    }

    private static ObjectIdentity object(int index) {
        return ObjectIdentity.namespaced("apps/v1", "Deployment", "shop", "web-" + index);
    }

    private static void stubSlack(
            String destination, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
        slack.stubFor(post(urlPathEqualTo(path(destination))).willReturn(response));
    }

    private static String path(String destination) {
        return "/services/T000/B000/" + destination;
    }

    private static List<ServeEvent> slackRequests(String destination) {
        return slack.getAllServeEvents().stream()
                .filter(event -> event.getRequest().getUrl().equals(path(destination)))
                .sorted(java.util.Comparator.comparing(
                        event -> event.getRequest().getLoggedDate()))
                .toList();
    }

    private static List<ServeEvent> awaitRequests(String destination, int count) {
        await().atMost(PATIENCE).until(() -> slackRequests(destination).size() >= count);
        return slackRequests(destination);
    }

    /** The objects the messages say drifted, read from their titles: "12 objects drifted in app …". */
    private static int objectsCounted(List<ServeEvent> requests) throws Exception {
        Pattern title = Pattern.compile("^(\\d+) objects? drifted");
        int counted = 0;
        for (ServeEvent request : requests) {
            Matcher matcher = title.matcher(JSON.readTree(request.getRequest().getBodyAsString())
                    .get("text")
                    .asText());
            if (matcher.find()) {
                counted += Integer.parseInt(matcher.group(1));
            }
        }
        return counted;
    }

    private static NotificationDeadLettered deadLetter(String app) {
        return AcceptanceEvents.readAll(bootstrapServers(), Topics.NOTIFICATIONS_DEAD_LETTER).stream()
                .filter(event -> event instanceof NotificationDeadLettered dead
                        && dead.app().equals(app))
                .map(NotificationDeadLettered.class::cast)
                .findFirst()
                .orElse(null);
    }

    private static String parts(MimeMultipart multipart) throws Exception {
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < multipart.getCount(); i++) {
            var part = multipart.getBodyPart(i);
            if (part.getContent() instanceof MimeMultipart nested) {
                all.append(parts(nested));
            } else {
                all.append(part.getContentType())
                        .append('\n')
                        .append(part.getContent())
                        .append('\n');
            }
        }
        return all.toString();
    }

    private static String metrics() throws Exception {
        String url = ConfigProvider.getConfig().getValue("test.url", String.class) + "/q/metrics";
        return java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
