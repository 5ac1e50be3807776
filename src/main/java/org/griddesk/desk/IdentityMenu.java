package org.griddesk.desk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import org.griddesk.dispatch.DeskUser;
import org.griddesk.domain.org.Organisation;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.org.UnitLevel;
import org.griddesk.ui.Messages;

/// The 身份 menu: until accounts come, the desk switches between the district centre's dispatcher
/// and supervisor, a town centre's dispatcher or supervisor, and a department handler, so that each
/// role's view can be seen and used.
final class IdentityMenu {
    private IdentityMenu() {
    }

    static void fill(Menu menu, Messages messages, Organisation organisation, DeskUser current, Consumer<DeskUser> choose) {
        menu.getItems().clear();
        if (organisation == null) {
            MenuItem waiting = new MenuItem(messages.get("identity.waiting"));
            waiting.setDisable(true);
            menu.getItems().add(waiting);
            return;
        }
        ToggleGroup group = new ToggleGroup();
        Unit district = organisation.units().stream().filter(u -> u.isCentre() && u.level() == UnitLevel.DISTRICT).findFirst()
                .orElseThrow();
        List<Unit> towns = organisation.units().stream().filter(u -> u.isCentre() && u.level() == UnitLevel.STREET)
                .sorted(Comparator.comparing(Unit::id)).toList();
        for (Role role : List.of(Role.DISPATCHER, Role.SUPERVISOR)) {
            menu.getItems().add(item(group, messages, new DeskUser(role, district), current, choose, "identity-" + role.name() + "-district"));
        }
        menu.getItems().add(new SeparatorMenuItem());
        for (Role role : List.of(Role.DISPATCHER, Role.SUPERVISOR)) {
            Menu sub = new Menu(messages.get("identity.town." + role.name()));
            sub.setId("identity-" + role.name() + "-towns");
            for (Unit town : towns) {
                sub.getItems().add(item(group, messages, new DeskUser(role, town), current, choose, "identity-" + role.name() + "-" + town.id()));
            }
            menu.getItems().add(sub);
        }
        Menu handlers = new Menu(messages.get("identity.handler"));
        handlers.setId("identity-handlers");
        for (Unit centre : concat(district, towns)) {
            Menu teams = new Menu(centre.name().replace("网格化管理中心", ""));
            organisation.units().stream().filter(u -> u.isTeam() && centre.id().equals(u.parentId()))
                    .sorted(Comparator.comparing(Unit::id))
                    .forEach(team -> teams.getItems().add(item(group, messages, new DeskUser(Role.HANDLER, team), current, choose,
                            "identity-HANDLER-" + team.id())));
            handlers.getItems().add(teams);
        }
        menu.getItems().addAll(new SeparatorMenuItem(), handlers);
    }

    /// 演示调度员 · 津南区网格化管理中心; 正在读取组织机构… until the organisation is read (a first start: the district is stored)
    static String describe(Messages messages, DeskUser user) {
        return user == null ? messages.get("identity.waiting") : messages.get("role." + user.role().name()) + " · " + user.unit().name();
    }

    private static List<Unit> concat(Unit first, List<Unit> rest) {
        List<Unit> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static RadioMenuItem item(ToggleGroup group, Messages messages, DeskUser user, DeskUser current,
                                      Consumer<DeskUser> choose, String id) {
        RadioMenuItem item = new RadioMenuItem(user.role() == Role.HANDLER ? user.unit().name() : describe(messages, user));
        item.setId(id);
        item.setToggleGroup(group);
        item.setSelected(user.equals(current));
        item.setOnAction(e -> choose.accept(user));
        return item;
    }
}
