package org.griddesk.desk.signin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.griddesk.domain.org.Role;
import org.griddesk.security.Accounts;
import org.griddesk.security.Session;
import org.griddesk.security.SignInResult;
import org.griddesk.security.Workstation;

/// Accounts for view-model tests (the real ones are the store's AccountService): a few people with
/// passwords, one with a TOTP code, one who must change theirs, a lockout after three wrong unlocks;
/// it remembers what it was asked, and which passwords it saw (to check they are wiped after).
public class ScriptedAccounts implements Accounts {
    public static final String CODE = "123456";
    public static final String REFUSED = "signin.refused.credentials";

    record Person(String id, String name, String unit, Role role, boolean secondFactor) {
    }

    private final Map<String, String> passwords = new HashMap<>();
    private final Map<String, Person> people = new HashMap<>();
    private final Map<String, Boolean> mustChange = new HashMap<>();
    public final List<String> calls = new ArrayList<>();
    public final List<char[]> passwordsSeen = new ArrayList<>();
    public final List<DemoAccount> demo = new ArrayList<>();
    private int wrongUnlocks;
    public boolean lockedOut;

    public ScriptedAccounts person(String username, String password, String name, String unit, Role role) {
        passwords.put(username, password);
        people.put(username, new Person("A-" + username, name, unit, role, false));
        return this;
    }

    public ScriptedAccounts withSecondFactor(String username) {
        Person p = people.get(username);
        people.put(username, new Person(p.id(), p.name(), p.unit(), p.role(), true));
        return this;
    }

    public ScriptedAccounts mustChange(String username) {
        mustChange.put(username, true);
        return this;
    }

    public Session session(String username) {
        Person p = people.get(username);
        return new Session(p.id(), username, p.name(), p.unit(), Set.of(p.role()), Instant.parse("2026-12-03T03:00:00Z"),
                new Workstation("desk-1", "10.0.0.1"));
    }

    @Override
    public SignInResult signIn(String username, char[] password, String secondFactor, Workstation from) {
        passwordsSeen.add(password);
        calls.add("signIn " + username + (secondFactor == null ? "" : " " + secondFactor));
        if (!passwords.containsKey(username) || !passwords.get(username).equals(new String(password))) {
            return new SignInResult.Refused(REFUSED);
        }
        Person p = people.get(username);
        if (p.secondFactor() && secondFactor == null) {
            return new SignInResult.SecondFactorRequired(username);
        }
        if (p.secondFactor() && !CODE.equals(secondFactor)) {
            return new SignInResult.Refused("signin.refused.code");
        }
        if (mustChange.getOrDefault(username, false)) {
            return new SignInResult.PasswordChangeRequired(username, "signin.change.reason.first");
        }
        return new SignInResult.SignedIn(session(username));
    }

    @Override
    public SignInResult changePassword(String username, char[] oldPassword, char[] newPassword, String secondFactor,
                                       Workstation from) {
        passwordsSeen.add(oldPassword);
        passwordsSeen.add(newPassword);
        calls.add("changePassword " + username + (secondFactor == null ? "" : " " + secondFactor));
        if (!passwords.get(username).equals(new String(oldPassword))) {
            return new SignInResult.Refused(REFUSED);
        }
        if (people.get(username).secondFactor() && secondFactor == null) {
            return new SignInResult.SecondFactorRequired(username);
        }
        if (people.get(username).secondFactor() && !CODE.equals(secondFactor)) {
            return new SignInResult.Refused("signin.refused.code");
        }
        if (newPassword.length < 8) {
            return new SignInResult.Refused("password.refused.short", 8);
        }
        passwords.put(username, new String(newPassword));
        mustChange.remove(username);
        return new SignInResult.SignedIn(session(username));
    }

    @Override
    public boolean unlock(Session session, char[] password) {
        passwordsSeen.add(password);
        calls.add("unlock " + session.username());
        boolean right = passwords.get(session.username()).equals(new String(password));
        if (!right && ++wrongUnlocks >= 3) {
            lockedOut = true;
        }
        if (lockedOut) {
            signOut(session); // as the account service does: the session ends there, once
        }
        return right && !lockedOut;
    }

    @Override
    public void signOut(Session session) {
        calls.add("signOut " + session.username());
    }

    @Override
    public List<DemoAccount> demoAccounts() {
        return List.copyOf(demo);
    }
}
