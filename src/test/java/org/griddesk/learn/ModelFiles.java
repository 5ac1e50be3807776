package org.griddesk.learn;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.zip.GZIPOutputStream;

/// Model files as a damaged or foreign writer leaves them.
final class ModelFiles {
    private ModelFiles() {
    }

    /// A gzip with a magic word, a format version and nothing after but a zero long.
    static byte[] gzipped(int magic, int format) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.writeInt(magic);
            out.writeInt(format);
            out.writeLong(0);
        }
        return bytes.toByteArray();
    }
}
