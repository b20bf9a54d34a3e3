/**
 * Not API: the storage module's shared rules (names, paths, sizes), the quoting of check pipelines,
 * the text writers (tgt's targets.conf, LIO's saveconfig JSON) and the plan compilers behind the
 * public specs. May change without notice.
 */
package io.kvmsdk.storage.internal;
