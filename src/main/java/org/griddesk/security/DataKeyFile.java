package org.griddesk.security;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/// The data key file, `keys/personal-data.key` in the data folder: the ring's keys, readable by the
/// desk's own account only (POSIX mode 600 on Linux, an ACL naming the owner alone on Windows). It
/// is never in the database: a copy of the store without the file holds no readable personal data.
///
/// Reading refuses a file that others may read, as a key others could copy is no key.
public final class DataKeyFile {
    public static final String RELATIVE_PATH = "keys/personal-data.key";
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);
    /// Windows principals that hold every file anyway (the system and the local administrators):
    /// their entries do not make a key file readable to other users
    private static final Set<String> WINDOWS_SYSTEM = Set.of("NT AUTHORITY\\SYSTEM", "BUILTIN\\Administrators");

    private final Path file;

    public DataKeyFile(Path file) {
        this.file = file;
    }

    /// The key file of the data folder `root`.
    public static DataKeyFile in(Path dataFolder) {
        return new DataKeyFile(dataFolder.resolve(RELATIVE_PATH));
    }

    public Path path() {
        return file;
    }

    public boolean exists() {
        return Files.exists(file);
    }

    /// Writes a new file with a new ring; refuses to replace one (its keys would be lost).
    public DataKeyRing create(DataKeyRing ring) throws IOException {
        if (Files.exists(file)) {
            throw new FileAlreadyExistsException(file.toString(), null,
                    "a data key file is there already: replacing it would make what it sealed unreadable");
        }
        write(ring, false);
        return ring;
    }

    /// Replaces the file's ring (a rotation): written to a sibling with owner-only permissions, then
    /// moved over the old one, so that a crash leaves one whole file or the other.
    public void replace(DataKeyRing ring) throws IOException {
        write(ring, true);
    }

    public DataKeyRing read() throws IOException {
        if (!Files.exists(file)) {
            throw new KeyFileException("no data key file at " + file);
        }
        refuseIfOthersMayRead();
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        try {
            Base64.Decoder b64 = Base64.getDecoder();
            byte[] index = b64.decode(required(p, "index"));
            String currentId = required(p, "current");
            DataKey current = null;
            List<DataKey> older = new ArrayList<>();
            for (String name : p.stringPropertyNames()) {
                if (name.startsWith("key.")) {
                    DataKey k = new DataKey(name.substring(4), b64.decode(p.getProperty(name).strip()), index);
                    if (k.id().equals(currentId)) {
                        current = k;
                    } else {
                        older.add(k);
                    }
                }
            }
            if (current == null) {
                throw new KeyFileException("the data key file " + file + " is damaged: it names a current key it does not hold");
            }
            return new DataKeyRing(current, older);
        } catch (IllegalArgumentException e) {
            throw new KeyFileException("the data key file " + file + " is damaged: " + e.getMessage());
        }
    }

    private static String required(Properties p, String name) {
        String v = p.getProperty(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("'" + name + "' is missing");
        }
        return v.strip();
    }

    private void write(DataKeyRing ring, boolean replacing) throws IOException {
        if (!Files.isDirectory(file.getParent())
                && Files.getFileAttributeView(file.getParent().getParent(), PosixFileAttributeView.class) != null) {
            // the keys folder too is the owner's only: others need not even see the file's name and size
            Files.createDirectories(file.getParent(), PosixFilePermissions.asFileAttribute(EnumSet.of(
                    PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE)));
        }
        Files.createDirectories(file.getParent());
        Path target = replacing ? file.resolveSibling(file.getFileName() + ".new") : file;
        if (replacing) {
            Files.deleteIfExists(target); // a rotation cut short left it
        }
        Base64.Encoder b64 = Base64.getEncoder();
        StringBuilder text = new StringBuilder();
        text.append("# GridDesk data key for personal data at rest (SM4-GCM, blind index HMAC-SM3).\n")
                .append("# Keep it secret, readable by the desk's account only; back it up apart from the database.\n")
                .append("# Lost, it makes every sealed name, phone and address unreadable for good.\n")
                .append("current=").append(ring.current().id()).append('\n')
                .append("index=").append(b64.encodeToString(ring.current().indexKey())).append('\n');
        for (String id : ring.ids()) {
            text.append("key.").append(id).append('=').append(b64.encodeToString(ring.find(id).orElseThrow().sealingKey()))
                    .append('\n');
        }
        createOwnerOnly(target);
        try (Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(text.toString());
        }
        if (replacing) {
            Files.move(target, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /// Creates the empty file with owner-only permissions before a byte of a key is in it.
    private static void createOwnerOnly(Path target) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(target.getParent(), PosixFileAttributeView.class);
        if (posix != null) {
            Files.createFile(target, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            Files.setPosixFilePermissions(target, OWNER_ONLY); // whatever the umask did
            return;
        }
        Files.createFile(target);
        AclFileAttributeView acl = Files.getFileAttributeView(target, AclFileAttributeView.class);
        if (acl == null) {
            throw new KeyFileException("cannot make " + target + " readable by its owner only on this file system");
        }
        UserPrincipal owner = acl.getOwner();
        acl.setAcl(List.of(AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(owner)
                .setPermissions(EnumSet.of(AclEntryPermission.READ_DATA, AclEntryPermission.WRITE_DATA,
                        AclEntryPermission.APPEND_DATA, AclEntryPermission.READ_ATTRIBUTES, AclEntryPermission.WRITE_ATTRIBUTES,
                        AclEntryPermission.READ_ACL, AclEntryPermission.WRITE_ACL, AclEntryPermission.DELETE,
                        AclEntryPermission.SYNCHRONIZE))
                .build()));
    }

    private void refuseIfOthersMayRead() throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix != null) {
            Set<PosixFilePermission> perms = posix.readAttributes().permissions();
            if (!OWNER_ONLY.containsAll(perms)) {
                throw new KeyFileException("the data key file " + file + " may be read by others ("
                        + PosixFilePermissions.toString(perms) + "): make it the owner's only (chmod 600) and start again");
            }
            return;
        }
        AclFileAttributeView acl = Files.getFileAttributeView(file, AclFileAttributeView.class);
        if (acl != null) {
            UserPrincipal owner = acl.getOwner();
            for (AclEntry e : acl.getAcl()) {
                boolean reads = e.type() == AclEntryType.ALLOW && e.permissions().contains(AclEntryPermission.READ_DATA);
                if (reads && !e.principal().equals(owner) && !WINDOWS_SYSTEM.contains(e.principal().getName())) {
                    throw new KeyFileException("the data key file " + file + " may be read by " + e.principal().getName()
                            + ": give its owner alone access and start again");
                }
            }
        }
    }

    /// A key file that is missing, damaged or readable by others; the message says which and what to do.
    public static final class KeyFileException extends IOException {
        public KeyFileException(String message) {
            super(message);
        }
    }
}
