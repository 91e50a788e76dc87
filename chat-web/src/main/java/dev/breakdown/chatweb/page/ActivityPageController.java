package dev.breakdown.chatweb.page;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The live activity page; its data arrives over {@code /activity/stream}. */
@Controller
class ActivityPageController {
    private final ActivityLinks links;

    ActivityPageController(ActivityLinks links) {
        this.links = links;
    }

    @GetMapping("/activity")
    String activity(Model model) {
        model.addAttribute("calendarPublicUrl", links.calendarPublicUrl().replaceAll("/+$", ""));
        return "activity";
    }
}
