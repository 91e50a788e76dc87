package dev.breakdown.chatweb.home;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The landing page: what Breakdown is and where its parts answer. */
@Controller
class HomeController {
    private final ChatWebLinks links;

    HomeController(ChatWebLinks links) {
        this.links = links;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("links", links);
        return "home";
    }
}
