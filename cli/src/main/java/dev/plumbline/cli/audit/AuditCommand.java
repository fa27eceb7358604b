package dev.plumbline.cli.audit;

import picocli.CommandLine.Command;

@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = {
            "Read and verify the audit trail.",
            "One hash-chained record per intended or actual change, " + "on the Kafka topic plumbline.audit."
        },
        subcommands = {AuditTailCommand.class, AuditVerifyCommand.class})
public final class AuditCommand {}
