/** The host a connection reaches: {@link io.kvmsdk.core.node.Node} and its {@link io.kvmsdk.core.node.NodeInfo}. */
package io.kvmsdk.core.node;
