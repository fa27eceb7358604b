# Generated from dev.plumbline.events.topic.BusAccess (through BusAcls) by
# deploy/src/test/java/dev/plumbline/deploy/BusAccessFiles.java. Do not edit: change BusAccess, then run
#   ./mvnw -B -pl deploy -am verify -Dtest=BusAccessFilesTest -Dsurefire.failIfNoSpecifiedTests=false -DskipITs -Dplumbline.regenerate=true
# The principals of the Kafka bus and their ACLs, for docker-compose.yml: kafka-setup.sh gives every
# user in PLUMBLINE_KAFKA_USERS a SCRAM-SHA-512 credential when it formats the broker's storage, and
# the kafka-acls service runs apply_acls. Adding an ACL that exists changes nothing; an ACL that
# BusAccess no longer grants stays until it is removed with kafka-acls.sh --remove.

PLUMBLINE_KAFKA_USERS=(git-watcher renderer reconciler drift-auditor notifier image-updater plumb audit-reader)

# apply_acls OPTIONS...: the options say how kafka-acls.sh reaches the broker as its admin,
# e.g. --bootstrap-server kafka:9092 --command-config admin.properties
apply_acls() {
  local acls="${KAFKA_HOME:-/opt/kafka}/bin/kafka-acls.sh"
  # User:git-watcher
  "$acls" "$@" --add --allow-principal User:git-watcher --operation Read --resource-pattern-type prefixed --group plumbline-git-watcher
  "$acls" "$@" --add --allow-principal User:git-watcher --operation AlterConfigs --operation Create --operation Describe --operation DescribeConfigs --operation Write --topic plumbline.commit-events
  "$acls" "$@" --add --allow-principal User:git-watcher --operation Describe --operation Read --topic plumbline.applications
  # User:renderer
  "$acls" "$@" --add --allow-principal User:renderer --operation Read --resource-pattern-type prefixed --group plumbline-renderer
  "$acls" "$@" --add --allow-principal User:renderer --operation AlterConfigs --operation Create --operation Describe --operation DescribeConfigs --operation Read --operation Write --topic plumbline.rendered-manifests
  "$acls" "$@" --add --allow-principal User:renderer --operation Describe --operation Read --topic plumbline.applications --topic plumbline.commit-events
  # User:reconciler
  "$acls" "$@" --add --allow-principal User:reconciler --operation Read --resource-pattern-type prefixed --group plumbline-reconciler
  "$acls" "$@" --add --allow-principal User:reconciler --operation AlterConfigs --operation Create --operation Describe --operation DescribeConfigs --operation Read --operation Write --topic plumbline.applications
  "$acls" "$@" --add --allow-principal User:reconciler --operation AlterConfigs --operation Create --operation Describe --operation DescribeConfigs --operation Write --topic plumbline.apply-actions --topic plumbline.diff-results
  "$acls" "$@" --add --allow-principal User:reconciler --operation Describe --operation Read --topic plumbline.audit --topic plumbline.commit-events --topic plumbline.drift-alerts --topic plumbline.rendered-manifests --topic plumbline.sync-requests
  # User:drift-auditor
  "$acls" "$@" --add --allow-principal User:drift-auditor --operation Read --resource-pattern-type prefixed --group plumbline-drift-auditor
  "$acls" "$@" --add --allow-principal User:drift-auditor --operation AlterConfigs --operation Create --operation Describe --operation DescribeConfigs --operation Read --operation Write --topic plumbline.audit --topic plumbline.drift-alerts --topic plumbline.sync-requests
  "$acls" "$@" --add --allow-principal User:drift-auditor --operation Describe --operation Read --topic plumbline.applications --topic plumbline.apply-actions --topic plumbline.commit-events --topic plumbline.diff-results --topic plumbline.image-events --topic plumbline.rendered-manifests
  # User:notifier
  "$acls" "$@" --add --allow-principal User:notifier --operation Read --resource-pattern-type prefixed --group plumbline-notifier
  "$acls" "$@" --add --allow-principal User:notifier --operation AlterConfigs --operation Create --operation Describe --operation DescribeConfigs --operation Read --operation Write --topic plumbline.notifications
  "$acls" "$@" --add --allow-principal User:notifier --operation AlterConfigs --operation Create --operation Describe --operation DescribeConfigs --operation Write --topic plumbline.notifications-dead-letter
  "$acls" "$@" --add --allow-principal User:notifier --operation Describe --operation Read --topic plumbline.applications --topic plumbline.apply-actions --topic plumbline.audit --topic plumbline.diff-results --topic plumbline.drift-alerts --topic plumbline.image-events --topic plumbline.rendered-manifests
  # User:image-updater
  "$acls" "$@" --add --allow-principal User:image-updater --operation Read --resource-pattern-type prefixed --group plumbline-image-updater
  "$acls" "$@" --add --allow-principal User:image-updater --operation AlterConfigs --operation Create --operation Describe --operation DescribeConfigs --operation Read --operation Write --topic plumbline.image-events
  "$acls" "$@" --add --allow-principal User:image-updater --operation Describe --operation Read --topic plumbline.applications --topic plumbline.commit-events
  # User:plumb
  "$acls" "$@" --add --allow-principal User:plumb --operation Describe --group plumbline-drift-auditor --group plumbline-notifier --group plumbline-reconciler
  "$acls" "$@" --add --allow-principal User:plumb --operation Read --resource-pattern-type prefixed --group plumb-
  "$acls" "$@" --add --allow-principal User:plumb --operation Describe --operation Read --topic plumbline.apply-actions --topic plumbline.audit --topic plumbline.commit-events --topic plumbline.drift-alerts --topic plumbline.image-events --topic plumbline.notifications-dead-letter --topic plumbline.rendered-manifests
  # User:audit-reader
  "$acls" "$@" --add --allow-principal User:audit-reader --operation Read --resource-pattern-type prefixed --group audit-reader-
  "$acls" "$@" --add --allow-principal User:audit-reader --operation Describe --operation Read --topic plumbline.audit
}
