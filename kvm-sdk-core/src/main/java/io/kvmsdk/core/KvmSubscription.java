package io.kvmsdk.core;

/** A registration (an event listener) that lasts until closed; closing twice is harmless. */
public interface KvmSubscription extends AutoCloseable {
  /** Stops the delivery. Throws nothing checked. */
  @Override void close();
}
