package io.ankirag.application.fakes;

import io.ankirag.application.page.Page;
import io.ankirag.application.page.PageRequest;
import io.ankirag.application.port.out.user.ListUsersPort;
import io.ankirag.application.port.out.user.LoadUserPort;
import io.ankirag.application.port.out.user.SaveUserPort;
import io.ankirag.domain.error.DomainException;
import io.ankirag.domain.error.ErrorCode;
import io.ankirag.domain.user.Email;
import io.ankirag.domain.user.User;
import io.ankirag.domain.user.UserId;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Users in a map, with soft deletion and the same contracts as the database adapter. */
public final class InMemoryUsers implements LoadUserPort, SaveUserPort, ListUsersPort {

    private final Map<UserId, User> live = new HashMap<>();
    private final Map<UserId, User> deleted = new HashMap<>();
    private String lastSearch = "<listUsers never called>";

    @Override
    public Optional<User> userById(UserId id) {
        return Optional.ofNullable(live.get(id));
    }

    @Override
    public Optional<User> userByEmail(Email email) {
        return live.values().stream().filter(u -> u.email().equals(email)).findFirst();
    }

    @Override
    public void insertUser(User user) {
        if (userByEmail(user.email()).isPresent()) {
            throw new DomainException(ErrorCode.USER_001, "an account with this email already exists");
        }
        if (live.containsKey(user.id()) || deleted.containsKey(user.id())) {
            throw new IllegalStateException("duplicate id " + user.id());
        }
        live.put(user.id(), user);
    }

    @Override
    public void updateUser(User user) {
        if (!live.containsKey(user.id())) {
            throw new IllegalStateException("updateUser on a missing or deleted user " + user.id());
        }
        live.put(user.id(), user);
    }

    @Override
    public void deleteUser(UserId id, Instant at) {
        User user = live.remove(id);
        if (user != null) {
            deleted.put(id, user.activate(false, at));
        }
    }

    @Override
    public Page<User> listUsers(PageRequest page, String search) {
        lastSearch = search;
        List<User> matching = live.values().stream()
                .filter(u -> search == null || matches(u, search))
                .sorted(Comparator.comparing(User::createdAt).thenComparing(u -> u.id().value()))
                .toList();
        List<User> slice = matching.stream().skip(page.offset()).limit(page.size()).toList();
        return new Page<>(slice, matching.size(), page.page(), page.size());
    }

    /** The search argument of the latest {@link #listUsers} call, exactly as the service passed it. */
    public String lastSearch() {
        return lastSearch;
    }

    public int liveCount() {
        return live.size();
    }

    private static boolean matches(User user, String search) {
        String needle = search.toLowerCase(Locale.ROOT);
        return user.email().value().contains(needle)
                || user.displayName().value().toLowerCase(Locale.ROOT).contains(needle);
    }
}
