/**
 * nftables as data: a table of base chains ({@link io.kvmsdk.network.nft.NftTable}) rendered as an
 * {@code nft -f} file that replaces the table atomically, as the exact listing {@code nft list table}
 * prints, and as the plan step that loads it only when the live table differs. Specs such as
 * {@link io.kvmsdk.network.NatGateway} compile down to it. Not a general nft grammar.
 */
@KvmStyle
package io.kvmsdk.network.nft;

import io.kvmsdk.core.KvmStyle;
