package io.github.camelzalo.component.zalo.auth;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The default token store: one JSON file per app and OA in a directory ({@code <appId>-<oaId>.json}), readable by
 * its owner only. A save writes a temporary file, forces it to disk and renames it over the old one atomically, so
 * a crash leaves either the old pair or the new one, never half a file.
 * <p>
 * Saves and leases hold an exclusive lock on a {@code .lock} file beside it, so several JVMs on one host may share
 * the directory: the version check, and the refresh lease, hold across processes too. Across hosts, use a shared
 * store (Redis, a database).
 */
public class FileTokenStore implements ZaloTokenStore {

    /** {@code ~/.camel-zalo/tokens}. */
    public static final Path DEFAULT_DIRECTORY = Path.of(System.getProperty("user.home"), ".camel-zalo", "tokens");

    private static final Pattern SAFE_ID = Pattern.compile("[0-9A-Za-z_-]{1,64}");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    /** FileLock is per process; threads of this JVM (even through two stores on one directory) queue here. */
    private static final ConcurrentMap<Path, Object> MONITORS = new ConcurrentHashMap<>();

    private final Path directory;

    public FileTokenStore() {
        this(DEFAULT_DIRECTORY);
    }

    public FileTokenStore(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    public Path getDirectory() {
        return directory;
    }

    @Override
    public StoredTokens load(String appId, String oaId) {
        Path file = file(appId, oaId, ".json");
        return read(file);
    }

    @Override
    public long save(String appId, String oaId, ZaloTokens tokens, long expectedVersion) {
        Path file = file(appId, oaId, ".json");
        return locked(appId, oaId, () -> {
            StoredTokens current = read(file);
            long actual = current == null ? 0 : current.version();
            if (actual != expectedVersion) {
                throw new TokenStoreConflictException(appId, oaId, expectedVersion, actual);
            }
            long version = actual + 1;
            write(file, TokenPairJson.write(tokens, version));
            return version;
        });
    }

    @Override
    public boolean tryLease(String appId, String oaId, String owner, Duration ttl) {
        Path file = file(appId, oaId, ".lease");
        return locked(appId, oaId, () -> {
            Lease lease = readLease(file);
            Instant now = Instant.now();
            if (lease != null && !lease.owner().equals(owner) && lease.until().isAfter(now)) {
                return false;
            }
            write(file, JSON.writeValueAsBytes(new Lease(owner, now.plus(ttl).toEpochMilli())));
            return true;
        });
    }

    @Override
    public void releaseLease(String appId, String oaId, String owner) {
        Path file = file(appId, oaId, ".lease");
        locked(appId, oaId, () -> {
            Lease lease = readLease(file);
            if (lease != null && lease.owner().equals(owner)) {
                Files.deleteIfExists(file);
            }
            return null;
        });
    }

    @Override
    public String leaseHolder(String appId, String oaId) {
        try {
            Lease lease = readLease(file(appId, oaId, ".lease"));
            return lease != null && lease.until().isAfter(Instant.now()) ? lease.owner() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private Path file(String appId, String oaId, String suffix) {
        if (appId == null || !SAFE_ID.matcher(appId).matches() || oaId == null || !SAFE_ID.matcher(oaId).matches()) {
            throw new ZaloTokenStoreException("An app id and an OA id are letters, digits, - or _ (at most 64)", null);
        }
        return directory.resolve(appId + "-" + oaId + suffix);
    }

    private StoredTokens read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new ZaloTokenStoreException("Cannot read the token file " + file + ": " + e, e);
        }
        try {
            return TokenPairJson.read(bytes);
        } catch (IOException | RuntimeException e) {
            // never the content: it holds tokens
            throw new ZaloTokenStoreException("The token file " + file + " is not a valid token file", null);
        }
    }

    private static Lease readLease(Path file) throws IOException {
        try {
            return JSON.readValue(Files.readAllBytes(file), Lease.class);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            // a broken lease file holds nobody up
            return null;
        }
    }

    /** Writes {@code bytes} to a temporary file of the owner's, forces it to disk, renames it over {@code file}. */
    private void write(Path file, byte[] bytes) throws IOException {
        createDirectory();
        Path temp = directory.resolve(file.getFileName() + ".tmp-" + UUID.randomUUID());
        try {
            try (FileChannel ch = FileChannel.open(temp, Set.of(StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), ownerOnly(OWNER_FILE))) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    ch.write(buffer);
                }
                ch.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private void createDirectory() throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        try {
            Files.createDirectories(directory.getParent());
            Files.createDirectory(directory, ownerOnly(OWNER_DIR));
        } catch (FileAlreadyExistsException e) {
            // made by another thread or process meanwhile
        }
    }

    private static FileAttribute<?>[] ownerOnly(Set<PosixFilePermission> permissions) {
        boolean posix = java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        return posix ? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(permissions) }
                : new FileAttribute<?>[0];
    }

    private <T> T locked(String appId, String oaId, IoAction<T> action) {
        Path lockFile = file(appId, oaId, ".lock");
        Object monitor = MONITORS.computeIfAbsent(lockFile, p -> new Object());
        synchronized (monitor) {
            try {
                createDirectory();
                try (FileChannel ch = FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE), ownerOnly(OWNER_FILE));
                     FileLock lock = ch.lock()) {
                    return action.run();
                }
            } catch (ZaloTokenStoreException e) {
                throw e;
            } catch (IOException e) {
                throw new ZaloTokenStoreException("Cannot write the token store in " + directory + ": " + e, e);
            }
        }
    }

    @Override
    public String toString() {
        return "FileTokenStore[" + directory + "]";
    }

    @FunctionalInterface
    private interface IoAction<T> {
        T run() throws IOException;
    }

    record Lease(@JsonProperty("owner") String owner, @JsonProperty("until") long untilMillis) {

        Instant until() {
            return Instant.ofEpochMilli(untilMillis);
        }
    }
}
