package io.numicoin.explorer.web;

import io.numicoin.explorer.api.ExplorerQueries;
import io.numicoin.explorer.api.ExplorerViews.HistoryEntry;
import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.address.AddressFormat;
import io.numicoin.protocol.address.AddressHrp;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/**
 * {@code /address/{address}}: balance, received, sent, pending, the spending policy (m-of-n) once a
 * spend has shown it, and the history newest first, {@value #PAGE} a page (cursor {@code before}).
 */
@Controller
public class AddressPageController {

    static final int PAGE = 25;
    private static final Pattern CURSOR = Pattern.compile("([0-9]{1,18}):([0-9]{1,9})");

    private final ExplorerQueries queries;
    private final WebQueries webQueries;
    private final AddressHrp hrp;

    public AddressPageController(ExplorerQueries queries, WebQueries webQueries, AddressHrp hrp) {
        this.queries = queries;
        this.webQueries = webQueries;
        this.hrp = hrp;
    }

    @GetMapping("/address/{address}")
    public Mono<Rendering> address(@PathVariable("address") String text,
            @RequestParam(name = "before", required = false) String before) {
        Address address = PageInput.address(text, hrp);
        long[] cursor = cursor(before);
        return Pages.render(() -> {
            List<HistoryEntry> history = queries.history(address, cursor[0], (int) cursor[1], PAGE);
            String next = history.size() == PAGE ? history.getLast().height() + ":" + history.getLast().index() : null;
            String encoded = AddressFormat.encode(address, hrp);
            return Pages.view("address").modelAttribute("summary", queries.address(address))
                    .modelAttribute("policy", webQueries.spendingPolicy(address).orElse(null))
                    .modelAttribute("history", history).modelAttribute("next", next)
                    .modelAttribute("firstPage", before == null)
                    .modelAttribute("title", "Address " + encoded.substring(0, Math.min(16, encoded.length()))).build();
        });
    }

    private static long[] cursor(String before) {
        if (before == null) {
            return new long[] {Long.MAX_VALUE, Integer.MAX_VALUE};
        }
        Matcher m = CURSOR.matcher(before);
        if (!m.matches()) {
            throw new BadPageRequestException("before must be a height:index cursor from a previous page");
        }
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))};
    }
}
