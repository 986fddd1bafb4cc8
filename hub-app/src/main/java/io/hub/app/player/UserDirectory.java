package io.hub.app.player;

import io.hub.app.ledger.AccountDirectory;
import io.hub.app.ledger.Uuids;
import io.hub.contracts.money.CurrencyUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Creates and finds players and operators. Passwords are stored as BCrypt hashes only. */
@Component
public class UserDirectory {
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{3,64}");
    /** An external IdP subject: 1-255 printable characters without spaces (OIDC "sub" is at most 255 ASCII). */
    private static final Pattern SUBJECT = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final RowMapper<User> MAPPER = (rs, i) -> new User(rs.getObject("id", UUID.class), rs.getString("username"),
            rs.getString("password_hash"), rs.getString("subject"), User.Role.valueOf(rs.getString("role")),
            rs.getString("currency"), rs.getString("status"));
    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final AccountDirectory accounts;
    private final ConcurrentHashMap<UUID, User> byId = new ConcurrentHashMap<>();
    private final String dummyHash;

    public UserDirectory(JdbcTemplate jdbc, PasswordEncoder passwords, AccountDirectory accounts) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.accounts = accounts;
        this.dummyHash = passwords.encode("no such user");
    }

    /**
     * Creates a player with an empty wallet in {@code currency}.
     *
     * @param subject the JWT subject to bind (an external IdP's user id), or null to use the new player id
     * @throws UsernameTakenException if the username exists
     * @throws IllegalArgumentException for an invalid username, a password shorter than 4 characters or an unknown currency
     */
    @Transactional
    public User createPlayer(String username, String password, String currency, String subject) {
        CurrencyUnit unit = CurrencyUnit.of(currency);
        User u = insert(username, password, User.Role.PLAYER, unit.code(), subject);
        accounts.openPlayerAccounts(u.id(), unit.code());
        return u;
    }

    /** Creates an operator (no wallet). */
    @Transactional
    public User createOperator(String username, String password) {
        return insert(username, password, User.Role.OPERATOR, null, null);
    }

    private User insert(String username, String password, User.Role role, String currency, String subject) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("username must be 3-64 characters of letters, digits and . _ @ -");
        }
        if (password == null || password.length() < 4 || password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72
                || password.chars().anyMatch(c -> c == 0)) {
            throw new IllegalArgumentException("password must be 4 characters to 72 bytes (BCrypt's limit), without NUL");
        }
        if (subject != null && !SUBJECT.matcher(subject).matches()) {
            throw new IllegalArgumentException("subject must be 1-255 printable ASCII characters without spaces");
        }
        UUID id = Uuids.v7();
        String sub = subject == null ? id.toString() : subject;
        try {
            jdbc.update("INSERT INTO app_user (id, username, password_hash, subject, role, currency) VALUES (?, ?, ?, ?, ?, ?)",
                    id, username, passwords.encode(password), sub, role.name(), currency);
        } catch (DuplicateKeyException e) {
            // the transaction is aborted now: tell the two unique keys apart by the constraint named in the error
            if (String.valueOf(e.getMessage()).contains("app_user_subject_key")) {
                throw new UsernameTakenException("subject '" + sub + "' is already bound to another user", true);
            }
            throw new UsernameTakenException(username);
        }
        return new User(id, username, null, sub, role, currency, "ACTIVE");
    }

    public Optional<User> byUsername(String username) {
        List<User> found = jdbc.query("SELECT * FROM app_user WHERE username = ?", MAPPER, username);
        return found.stream().findFirst();
    }

    public Optional<User> bySubject(String subject) {
        List<User> found = jdbc.query("SELECT * FROM app_user WHERE subject = ?", MAPPER, subject);
        return found.stream().findFirst();
    }

    /** By id; cached (username, subject, role and currency never change; status is re-read by {@link #status}). */
    public Optional<User> byId(UUID id) {
        User cached = byId.get(id);
        if (cached != null) return Optional.of(cached);
        List<User> found = jdbc.query("SELECT * FROM app_user WHERE id = ?", MAPPER, id);
        found.stream().findFirst().ifPresent(u -> byId.put(id, u));
        return found.stream().findFirst();
    }

    /** The current status (ACTIVE / BLOCKED), read from the database. */
    public String status(UUID id) {
        return jdbc.queryForObject("SELECT status FROM app_user WHERE id = ?", String.class, id);
    }

    public List<User> list(int limit, int offset) {
        return jdbc.query("SELECT * FROM app_user ORDER BY created_at, id LIMIT ? OFFSET ?", MAPPER, limit, offset);
    }

    public boolean matches(User user, String rawPassword) {
        return passwords.matches(rawPassword, user.passwordHash());
    }

    /** Runs a password check against a fixed hash, so an unknown username costs the same time as a wrong password. */
    public void burnPasswordCheck(String rawPassword) {
        passwords.matches(rawPassword == null ? "" : rawPassword, dummyHash);
    }

}
