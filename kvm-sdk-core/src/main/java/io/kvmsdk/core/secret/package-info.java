/** libvirt secrets: {@link io.kvmsdk.core.secret.SecretSpec} (the definition; values are set separately and never printed). */
@KvmStyle
package io.kvmsdk.core.secret;

import io.kvmsdk.core.KvmStyle;
