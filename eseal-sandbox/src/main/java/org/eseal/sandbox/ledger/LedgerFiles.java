package org.eseal.sandbox.ledger;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.function.Consumer;
import org.eseal.core.ESealException;
import org.eseal.core.ErrorCode;
import org.eseal.core.internal.AtomicFiles;
import org.eseal.core.tlog.Note;

/**
 * A ledger's directory: {@code entries}, each entry as a 4-byte big-endian length and its bytes,
 * only ever appended to; and {@code checkpoint}, the newest published note, replaced atomically
 * where the file system allows. A record cut short by a crash is dropped on reading.
 */
final class LedgerFiles {
  private static final int MAX_ENTRY = 1 << 24;

  private final Path directory;
  private final Path entries;
  private final Path checkpoint;

  LedgerFiles(Path directory) {
    this.directory = directory;
    this.entries = directory.resolve("entries");
    this.checkpoint = directory.resolve("checkpoint");
  }

  void readEntries(Consumer<byte[]> sink) {
    if (!Files.exists(entries)) {
      return;
    }
    long good = 0;
    try (InputStream in = Files.newInputStream(entries);
        DataInputStream data = new DataInputStream(in)) {
      while (true) {
        int length;
        try {
          length = data.readInt();
        } catch (EOFException e) {
          break;
        }
        if (length < 0 || length > MAX_ENTRY) {
          throw new ESealException(ErrorCode.IO_ERROR, "entries file is corrupt at " + good);
        }
        byte[] entry = new byte[length];
        try {
          data.readFully(entry);
        } catch (EOFException e) {
          break;
        }
        sink.accept(entry);
        good += 4 + length;
      }
    } catch (IOException e) {
      throw new ESealException(ErrorCode.IO_ERROR, "cannot read " + entries, e);
    }
    try (FileChannel channel = FileChannel.open(entries, StandardOpenOption.WRITE)) {
      channel.truncate(good);
    } catch (IOException e) {
      throw new ESealException(ErrorCode.IO_ERROR, "cannot repair " + entries, e);
    }
  }

  void appendEntry(byte[] entry) {
    if (entry.length > MAX_ENTRY) {
      throw new IllegalArgumentException("entry is larger than " + MAX_ENTRY + " bytes");
    }
    ByteBuffer record = ByteBuffer.allocate(4 + entry.length).putInt(entry.length).put(entry);
    record.flip();
    try {
      Files.createDirectories(directory);
      try (FileChannel channel =
          FileChannel.open(entries, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
        while (record.hasRemaining()) {
          channel.write(record);
        }
        channel.force(false);
      }
    } catch (IOException e) {
      throw new ESealException(ErrorCode.IO_ERROR, "cannot append to " + entries, e);
    }
  }

  Optional<Note> readCheckpoint() {
    if (!Files.exists(checkpoint)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Note.parse(Files.readAllBytes(checkpoint)));
    } catch (IOException e) {
      throw new ESealException(ErrorCode.IO_ERROR, "cannot read " + checkpoint, e);
    }
  }

  void writeCheckpoint(Note note) {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new ESealException(ErrorCode.IO_ERROR, "cannot create " + directory, e);
    }
    AtomicFiles.write(checkpoint, note.toBytes());
  }
}
