package dev.plumbline.cli.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.cli.app.Applications;
import dev.plumbline.cli.connect.CommandFailedException;
import dev.plumbline.cli.connect.RunEnvironment;
import dev.plumbline.cli.messaging.AuditTopic;
import dev.plumbline.events.AuditVerifier;
import dev.plumbline.events.signing.KeyFileException;
import dev.plumbline.events.signing.TrustedKeys;
import dev.plumbline.events.topic.Topics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Checks the whole audit trail, read from Kafka: every record's hash over its content, each record's link "
                    + "to the one before it, numbering without gaps, and each record's signature by the "
                    + "drift-auditor's key.",
            "Then compares each app's trail with the head its Application's status records (status.audit, kept by "
                    + "the reconciler outside Kafka): a trail that ends before that head was cut short.",
            "When retention has already removed the oldest records, each app's first record present is trusted as "
                    + "its start.",
            "Exit code: 0 the trail is intact, 1 it is not (the first problem is named), 2 an error."
        })
final class AuditVerifyCommand implements Callable<Integer> {

    static final String TRUST_VARIABLE = "PLUMBLINE_TRUST_DRIFT_AUDITOR_KEYS";

    @Spec
    CommandSpec spec;

    @Option(
            names = "--topic",
            paramLabel = "TOPIC",
            description = "The topic to verify, such as a copy of the trail (default: ${DEFAULT-VALUE}).")
    String topicName = Topics.AUDIT;

    @Option(
            names = "--drift-auditor-key",
            paramLabel = "FILE",
            split = ",",
            description = "The drift-auditor's public key (PEM); two, comma-separated, while its key is rotated. "
                    + "Default: " + TRUST_VARIABLE + " from the environment or the run's env file.")
    List<Path> keyFiles = new ArrayList<>();

    @Option(
            names = "--skip-heads",
            description = "Do not compare the trails with their Applications' heads (no cluster to ask).")
    boolean skipHeads;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RunEnvironment environment = RunEnvironment.of(spec);
        TrustedKeys keys = trustedKeys(environment);
        AuditTopic.Contents contents = readTrail(environment);
        List<String> cut = List.of();
        if (!skipHeads) {
            Map<String, AuditHeads.Head> heads = heads(environment);
            cut = AuditHeads.compare(contents.records(), heads);
            if (!cut.isEmpty()) {
                // a record written between reading the trail and reading the heads is not a cut: the trail only
                // grows, so a trail read after the heads holds every record they name
                contents = readTrail(environment);
                cut = AuditHeads.compare(contents.records(), heads);
            }
        }
        AuditVerifier.Report report = new AuditVerifier(contents.complete(), keys).verify(contents.records());
        String counts = String.format(
                Locale.ROOT, "%,d records of %d app%s", report.records(), report.apps(), report.apps() == 1 ? "" : "s");
        if (keys == null) {
            out.println("signatures NOT checked: no public key of the drift-auditor (--drift-auditor-key, or "
                    + TRUST_VARIABLE + "); anyone who can write the topic could have appended a record");
        }
        if (report.valid() && cut.isEmpty()) {
            out.println(counts + ", chain intact" + (keys == null ? "" : ", every record signed by the drift-auditor")
                    + (skipHeads ? "" : ", no trail shorter than its Application records") + scope(contents));
            out.flush();
            return 0;
        }
        List<String> problems = new ArrayList<>();
        report.problems()
                .forEach(problem -> problems.add(problem.app() + " record #" + problem.sequence() + " ("
                        + problem.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + "): "
                        + problem.message()));
        problems.addAll(cut);
        out.println(counts + ": " + (report.valid() ? "" : "chain BROKEN at ") + problems.get(0));
        problems.stream().skip(1).forEach(problem -> out.println("  also " + problem));
        out.flush();
        return 1;
    }

    private AuditTopic.Contents readTrail(RunEnvironment environment) {
        try (AuditTopic topic = new AuditTopic(environment.kafkaSettings(), topicName)) {
            return topic.readAll();
        }
    }

    private static String scope(AuditTopic.Contents contents) {
        return contents.complete()
                ? ""
                : " (retention has removed the oldest records; each app's trail is checked from its first record "
                        + "present)";
    }

    /** The drift-auditor's public keys from the option, else from the run's environment; null when neither names one. */
    private TrustedKeys trustedKeys(RunEnvironment environment) {
        List<Path> files = keyFiles.isEmpty()
                ? environment.optional(TRUST_VARIABLE).stream()
                        .flatMap(value -> Arrays.stream(value.split(",")))
                        .map(String::strip)
                        .filter(name -> !name.isEmpty())
                        .map(Path::of)
                        .toList()
                : keyFiles;
        if (files.isEmpty()) {
            return null;
        }
        try {
            return TrustedKeys.read("drift-auditor", files);
        } catch (KeyFileException e) {
            throw new CommandFailedException(e.getMessage());
        }
    }

    /** Per app, the head its Application's status records; apps with none yet are left out. */
    private static Map<String, AuditHeads.Head> heads(RunEnvironment environment) {
        Map<String, AuditHeads.Head> heads = new LinkedHashMap<>();
        try (Applications applications = new Applications(environment)) {
            for (JsonNode application : applications.list()) {
                JsonNode audit = application.path("status").path("audit");
                if (audit.path("count").canConvertToLong() && audit.path("hash").isTextual()) {
                    heads.put(
                            application.path("metadata").path("name").asText(),
                            new AuditHeads.Head(
                                    audit.path("count").asLong(),
                                    audit.path("hash").asText()));
                }
            }
        } catch (CommandFailedException e) {
            throw new CommandFailedException("cannot read the Applications' audit heads: " + e.getMessage()
                    + " (--skip-heads verifies the topic alone)");
        } catch (RuntimeException e) {
            throw new CommandFailedException("cannot read the Applications' audit heads from the cluster: "
                    + e.getMessage() + " (--skip-heads verifies the topic alone)");
        }
        return heads;
    }
}
