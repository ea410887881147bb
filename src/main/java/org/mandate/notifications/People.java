package org.mandate.notifications;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.mandate.identity.AccountManagement;
import org.mandate.identity.User;
import org.mandate.orgunits.OrgUnit;
import org.mandate.orgunits.OrgUnitManagement;
import org.mandate.shared.Role;
import org.springframework.stereotype.Component;

/** Who is told about a unit: its reporters, its leaders, the leaders of the level above. */
@Component
class People {

    private final AccountManagement accounts;
    private final OrgUnitManagement orgUnits;

    People(AccountManagement accounts, OrgUnitManagement orgUnits) {
        this.accounts = accounts;
        this.orgUnits = orgUnits;
    }

    Set<String> reporters(String unit) {
        return names(accounts.inUnit(unit, EnumSet.of(Role.REPORTER)));
    }

    Set<String> leaders(String unit) {
        return names(accounts.inUnit(unit, EnumSet.of(Role.LEADER)));
    }

    /** Reporters and leaders of the unit: everyone who works on its tasks. */
    Set<String> staff(String unit) {
        return names(accounts.inUnit(unit, EnumSet.of(Role.REPORTER, Role.LEADER)));
    }

    /** The leaders of the unit's parent: the level that approves its reports. */
    Set<String> leadersAbove(String unit) {
        return orgUnits.find(unit).map(OrgUnit::parent).map(this::leaders).orElse(Set.of());
    }

    /** Every enabled leader with a unit: who gets a weekly summary. */
    List<User> allLeaders() {
        return accounts.withRole(Role.LEADER).stream()
                .filter(u -> u.scopeUnit() != null)
                .toList();
    }

    @SafeVarargs
    static Set<String> all(Collection<String>... groups) {
        Set<String> all = new LinkedHashSet<>();
        for (Collection<String> g : groups) {
            all.addAll(g);
        }
        return all;
    }

    private static Set<String> names(List<User> users) {
        Set<String> names = new LinkedHashSet<>();
        users.forEach(u -> names.add(u.username()));
        return names;
    }
}
