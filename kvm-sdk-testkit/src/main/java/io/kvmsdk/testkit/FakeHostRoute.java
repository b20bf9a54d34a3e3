package io.kvmsdk.testkit;

import java.util.Optional;

/**
 * One IPv4 route of a {@link FakeHost} namespace's main table: a kernel route for an address's
 * subnet ({@code proto kernel}) or a route added with {@code ip route add} ({@code proto boot}).
 * {@code toString()} is the line {@code ip route show} prints (without {@code linkdown}).
 */
public record FakeHostRoute(String prefix, Optional<String> via, String dev, String proto, Optional<String> src, int metric) {
  @Override public String toString() {
    StringBuilder sb = new StringBuilder(prefix);
    via.ifPresent(v -> sb.append(" via ").append(v));
    sb.append(" dev ").append(dev);
    if (!proto.equals("boot")) sb.append(" proto ").append(proto);
    if (proto.equals("kernel")) sb.append(" scope link");
    src.ifPresent(s -> sb.append(" src ").append(s));
    if (metric != 0) sb.append(" metric ").append(metric);
    return sb.toString();
  }
}
