/**
 * Fake interpreters of the storage tools for the testkit's {@code FakeHost} (the testkit is an
 * optional dependency of this module): {@link io.kvmsdk.storage.fake.Tgtadm} (proven against the
 * real tgtadm), and the tools whose kernel drivers this machine lacks, answering as their manuals
 * say; all found on the class path. The generic tools the plans' checks use ({@code sed},
 * {@code install}, {@code cmp}) come with {@link io.kvmsdk.storage.fake.StorageFakes#host}.
 */
package io.kvmsdk.storage.fake;
