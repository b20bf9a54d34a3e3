/**
 * Implementation shared by the network module's packages (name and address rules, renderers); not
 * an API: may change without notice.
 */
package io.kvmsdk.network.internal;
