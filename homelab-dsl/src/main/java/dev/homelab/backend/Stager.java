package dev.homelab.backend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes the staged bytes of a write: each file new, forced to disk, {@code rw-r--r--} (created so,
 * changed only when the umask took bits off) or with the permissions of the file it replaces. Most
 * of a fresh render's time was here, one file after the other, waiting for each {@code fsync}; the
 * disk takes many at once, so files are written by a few threads. The file store is asked once per
 * write whether it has POSIX permissions (not once per file), and each folder is made once.
 */
final class Stager {
  /** One file to stage: where, what, and the file whose permissions it keeps (or null). */
  record File(Path staged, byte[] content, Path replaced) {}

  /** Waiting on the disk, not the processor: more threads than cores pay off, up to a point. */
  private static final int THREADS = Math.min(16, Math.max(4, 4 * Runtime.getRuntime().availableProcessors()));
  /** Below this, starting threads costs more than it saves. */
  private static final int PARALLEL_FROM = 32;
  private static final Set<PosixFilePermission> RW_R_R = PosixFilePermissions.fromString("rw-r--r--");

  private static final Set<StandardOpenOption> CREATE = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
  private static final FileAttribute<Set<PosixFilePermission>> CREATED_RW_R_R = PosixFilePermissions.asFileAttribute(RW_R_R);

  private final Set<Path> folders = ConcurrentHashMap.newKeySet();
  private final boolean posix;
  /**
   * Whether a file created {@code rw-r--r--} comes out so, asked of the first new file of the
   * write: open(2) takes the process' umask off the mode it is given (a umask of 022 or 002 takes
   * nothing off {@code rw-r--r--}, 077 does). While it does, a new file needs no chmod: one system
   * call and one metadata update fewer per file (9,000 of each in a 1,000-app render). Null until
   * asked; threads racing to ask get the same answer.
   */
  private volatile Boolean createdAsAsked;

  /** A stager for files under {@code root}, which exists. */
  Stager(Path root) throws IOException {
    this.posix = Files.getFileStore(root).supportsFileAttributeView(PosixFileAttributeView.class);
    folders.add(root);
  }

  /** Writes every file; the first failure is thrown once every started file is done. */
  void stage(List<File> files) throws IOException {
    if (files.size() < PARALLEL_FROM) {
      for (File file : files) {
        write(file);
      }
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(THREADS, task -> {
      Thread thread = new Thread(task, "homelab-stage");
      thread.setDaemon(true);
      return thread;
    });
    try {
      int chunk = Math.max(1, files.size() / (THREADS * 4));
      List<Future<?>> done = new ArrayList<>();
      for (int from = 0; from < files.size(); from += chunk) {
        List<File> part = files.subList(from, Math.min(files.size(), from + chunk));
        done.add(pool.submit(() -> {
          for (File file : part) {
            try {
              write(file);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }
          return null;
        }));
      }
      Throwable first = null;
      for (Future<?> future : done) {
        try {
          future.get();
        } catch (ExecutionException e) {
          first = first == null ? e.getCause() : first;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          first = first == null ? new IOException("interrupted while writing files", e) : first;
        }
      }
      if (first instanceof UncheckedIOException unchecked) {
        throw unchecked.getCause();
      } else if (first instanceof IOException io) {
        throw io;
      } else if (first instanceof RuntimeException runtime) {
        throw runtime;
      } else if (first instanceof Error error) {
        throw error;
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private boolean createdAsAsked(Path created) throws IOException {
    Boolean known = createdAsAsked;
    if (known == null) {
      known = Files.getPosixFilePermissions(created, LinkOption.NOFOLLOW_LINKS).equals(RW_R_R);
      createdAsAsked = known;
    }
    return known;
  }

  private void write(File file) throws IOException {
    Path folder = file.staged().getParent();
    if (!folders.contains(folder)) {
      Files.createDirectories(folder);
      folders.add(folder);
    }
    try (FileChannel channel = posix ? FileChannel.open(file.staged(), CREATE, CREATED_RW_R_R)
        : FileChannel.open(file.staged(), CREATE)) {
      ByteBuffer buffer = ByteBuffer.wrap(file.content());
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      if (posix) {
        boolean keep = file.replaced() != null && Files.isRegularFile(file.replaced(), LinkOption.NOFOLLOW_LINKS);
        if (keep) {
          Files.setPosixFilePermissions(file.staged(), Files.getPosixFilePermissions(file.replaced(), LinkOption.NOFOLLOW_LINKS));
        } else if (!createdAsAsked(file.staged())) {
          Files.setPosixFilePermissions(file.staged(), RW_R_R);
        }
      }
      // So a journal written after it never names bytes that a power cut could still lose. fdatasync,
      // not fsync: it writes the data and what reading it back needs (the size), which is all the
      // journal relies on, and the kernel spends a third of fsync's time on it (10,000 small files
      // here: 0.5 s against 1.6 s of system time). The journal file itself is fsynced
      // (OutputTree), which also commits the file system's metadata journal with the staged files'
      // names and modes on ext4 and XFS.
      channel.force(false);
    }
  }
}
