package org.mandate.orgunits.web;

import org.mandate.orgunits.OrgUnit;
import org.mandate.orgunits.OrgUnitManagement;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Pages of the organisation tree: the top of the tree and one page per unit. */
@Controller
class OrgUnitController {

    static final String TREE_VIEW = "orgunits/tree";
    static final String UNIT_VIEW = "orgunits/unit";

    private final OrgUnitManagement orgUnits;

    OrgUnitController(OrgUnitManagement orgUnits) {
        this.orgUnits = orgUnits;
    }

    @GetMapping("/org-units")
    String tree(Model model) {
        model.addAttribute(
                "roots",
                orgUnits.roots().stream()
                        .map(r -> new Branch(r, orgUnits.children(r.code())))
                        .toList());
        return TREE_VIEW;
    }

    @GetMapping("/org-units/{code}")
    String unit(@PathVariable String code, Model model) {
        OrgUnit unit = orgUnits.get(code);
        model.addAttribute("unit", unit);
        model.addAttribute("ancestors", orgUnits.ancestors(code));
        model.addAttribute("children", orgUnits.children(code));
        return UNIT_VIEW;
    }

    record Branch(OrgUnit unit, java.util.List<OrgUnit> children) {}
}
