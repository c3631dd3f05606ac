package dev.homelab.model.storage;

/**
 * Where a volume lives when it names no storage class: on the node that runs its pod, or on the
 * lab's shared NFS storage.
 *
 * <p>SQLite files and database data directories rely on POSIX locks and {@code mmap}, which NFS does
 * not provide reliably (SQLite's own FAQ, Prometheus' storage docs): they belong on a node-local
 * disk. Bulk data that should survive the loss of a node, or that several pods read, belongs on NFS.
 *
 * @see <a href="https://www.sqlite.org/faq.html#q5">SQLite FAQ: NFS and file locking</a>
 * @see <a href="https://prometheus.io/docs/prometheus/latest/storage/#operational-aspects">Prometheus: non-POSIX file systems are not supported</a>
 * @see <a href="https://docs.k3s.io/storage#setting-up-the-local-storage-provider">k3s local-path provisioner</a>
 */
public enum StorageKind {
  /**
   * k3s' {@code local-path} provisioner: a folder on the node's own disk. The pod stays on that node
   * (the volume carries node affinity). Needs k3s' local storage enabled.
   */
  LOCAL,
  /**
   * The lab's NFS class marked {@code asDefault()}, else the first one declared; {@code local-path}
   * when the lab has no NFS class.
   */
  SHARED;

  /** k3s' bundled local StorageClass. */
  public static final String LOCAL_PATH = "local-path";
}
