/**
 * The promotion core, free of Quarkus and Kafka: {@link dev.plumbline.imageupdater.promote.Promoter} chooses and
 * proposes, {@link dev.plumbline.imageupdater.promote.MergeWatch} sees the merge, and
 * {@link dev.plumbline.imageupdater.promote.ImageLedger} remembers what was told. The registry, the config repository
 * and the Git host are ports ({@link dev.plumbline.imageupdater.promote.ImageRegistry},
 * {@link dev.plumbline.imageupdater.promote.ConfigRepository}, {@link dev.plumbline.imageupdater.promote.PullRequests})
 * the service adapts its clients to.
 */
package dev.plumbline.imageupdater.promote;
