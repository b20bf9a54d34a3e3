import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A tiny traffic probe for tests without ping: {@code java UdpEcho.java server PORT SECONDS} echoes
 * datagrams for SECONDS; {@code java UdpEcho.java client HOST PORT TRIES} sends one datagram per
 * try and exits 0 at the first echo (1 s per try), 1 when none came back.
 */
public class UdpEcho {
  public static void main(String[] a) throws Exception {
    if (a[0].equals("server")) {
      long end = System.currentTimeMillis() + Long.parseLong(a[2]) * 1000;
      try (DatagramSocket s = new DatagramSocket(Integer.parseInt(a[1]))) {
        s.setSoTimeout(500);
        byte[] buf = new byte[1500];
        while (System.currentTimeMillis() < end) {
          DatagramPacket p = new DatagramPacket(buf, buf.length);
          try {
            s.receive(p);
          } catch (SocketTimeoutException e) {
            continue;
          }
          s.send(new DatagramPacket(p.getData(), p.getLength(), p.getSocketAddress()));
        }
      }
      return;
    }
    InetAddress to = InetAddress.getByName(a[1]);
    int port = Integer.parseInt(a[2]);
    int tries = Integer.parseInt(a[3]);
    try (DatagramSocket s = new DatagramSocket()) {
      s.setSoTimeout(1000);
      for (int i = 0; i < tries; i++) {
        byte[] msg = ("kvm-sdk " + i).getBytes(StandardCharsets.UTF_8);
        s.send(new DatagramPacket(msg, msg.length, to, port));
        try {
          DatagramPacket p = new DatagramPacket(new byte[1500], 1500);
          s.receive(p);
          System.out.println("echo from " + p.getAddress().getHostAddress() + " after " + (i + 1) + " tries");
          return;
        } catch (SocketTimeoutException e) {
          // next try
        }
      }
    }
    System.exit(1);
  }
}
