package dev.plumbline.cli.audit;

import dev.plumbline.cli.connect.RunEnvironment;
import dev.plumbline.cli.messaging.AuditTopic;
import dev.plumbline.events.AuditVerifier;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Checks the hash chain of the whole audit trail.",
            "Read from Kafka: every record's hash over its "
                    + "content, each record's link to the one before it, and numbering without gaps.",
            "When retention has already removed the oldest records, each app's first record present is trusted as "
                    + "its start.",
            "Exit code: 0 the chain is intact, 1 it is broken (the first broken record is named), 2 an error."
        })
final class AuditVerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        AuditTopic.Contents contents;
        try (AuditTopic topic = new AuditTopic(RunEnvironment.of(spec).kafkaSettings())) {
            contents = topic.readAll();
        }
        AuditVerifier.Report report = new AuditVerifier(contents.complete()).verify(contents.records());
        String counts = String.format(
                Locale.ROOT, "%,d records of %d app%s", report.records(), report.apps(), report.apps() == 1 ? "" : "s");
        String scope = contents.complete()
                ? ""
                : " (retention has removed the oldest records; each app's trail is "
                        + "checked from its first record present)";
        if (report.valid()) {
            out.println(counts + ", chain intact" + scope);
            out.flush();
            return 0;
        }
        AuditVerifier.Problem first = report.problems().get(0);
        out.println(counts + ": chain BROKEN at " + first.app() + " record #" + first.sequence() + " ("
                + first.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + "): " + first.message());
        report.problems().stream()
                .skip(1)
                .forEach(problem -> out.println("  also " + problem.app() + " #" + problem.sequence() + " "
                        + problem.kind() + ": " + problem.message()));
        out.flush();
        return 1;
    }
}
