package org.griddesk.learn;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/// A learnt model as a file in the data folder: gzip over a small binary layout that starts with
/// the kind's magic word and its layout's version, and ends with the magic word again. A file of
/// another kind or version, a cut or otherwise damaged file is refused with [Refused], which says
/// why in plain words; the caller then goes on without a model and trains a new one. Writes go to a
/// part file of their own and are moved into place: a reader sees the old file or the new one.
///
/// @param <M> the model
final class ModelFile<M> {
    /// more unpacked bytes than any real model has (a few MB): a gzip bomb stops here
    static final long MAX_BYTES = 256L * 1024 * 1024;

    /// Writes a model's body (what follows the version).
    interface Body<M> {
        void write(M model, DataOutputStream out) throws IOException;
    }

    /// Reads a model's body; [ModelFile#check] refuses what cannot be right.
    interface Reader<M> {
        M read(DataInputStream in, Path file) throws IOException, Refused;
    }

    /// The file cannot be used; the message says why in plain words (logged).
    public static final class Refused extends Exception {
        Refused(String reason) {
            super(reason);
        }

        Refused(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    private final int magic;
    private final int format;
    private final String kind;
    private final Body<M> body;
    private final Reader<M> reader;

    /// `kind` names the model in messages ("item model")
    ModelFile(int magic, int format, String kind, Body<M> body, Reader<M> reader) {
        this.magic = magic;
        this.format = format;
        this.kind = kind;
        this.body = body;
        this.reader = reader;
    }

    void write(M model, Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        // a part file of this write alone: the desk and `griddesk learn` may write at once
        Path part = Files.createTempFile(folder, file.getFileName() + ".", ".part");
        try {
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(Files.newOutputStream(part))))) {
                out.writeInt(magic);
                out.writeInt(format);
                body.write(model, out);
                out.writeInt(magic); // the end: a cut file has no end mark
            }
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    M read(Path file) throws Refused {
        if (!Files.isRegularFile(file)) {
            throw new Refused("no model file " + file);
        }
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(new Capped(new GZIPInputStream(raw), MAX_BYTES)))) {
            if (in.readInt() != magic) {
                throw new Refused(file + " is not " + withArticle());
            }
            int version = in.readInt();
            if (version != format) {
                throw new Refused(file + " is " + withArticle() + " of format " + version + "; this GridDesk reads format " + format
                        + ": it is trained again");
            }
            M model = reader.read(in, file);
            check(in.readInt() == magic, file, "end mark");
            return model;
        } catch (EOFException e) {
            throw new Refused(file + " is cut short (a write that did not finish?)", e);
        } catch (ZipException e) {
            throw new Refused(file + " is damaged: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new Refused(file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private String withArticle() {
        return (kind.matches("^[aeiou].*") ? "an " : "a ") + kind;
    }

    static void check(boolean ok, Path file, String what) throws Refused {
        if (!ok) {
            throw new Refused(file + " is damaged (" + what + ")");
        }
    }

    /// Reading stops with an error after `limit` bytes.
    private static final class Capped extends FilterInputStream {
        private long left;

        Capped(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            refuseWhenSpent();
            int b = super.read();
            left -= b >= 0 ? 1 : 0;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            refuseWhenSpent();
            int n = super.read(b, off, (int) Math.min(len, left));
            left -= Math.max(0, n);
            return n;
        }

        private void refuseWhenSpent() throws IOException {
            if (left <= 0) {
                throw new IOException("more than " + MAX_BYTES / (1024 * 1024) + " MB unpacked: not a model");
            }
        }
    }
}
