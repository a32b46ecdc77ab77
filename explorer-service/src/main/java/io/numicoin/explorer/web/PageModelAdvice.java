package io.numicoin.explorer.web;

import io.numicoin.explorer.web.view.Format;
import io.numicoin.protocol.params.NetworkParams;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's template may use: the formatter ({@code fmt}), the network's name and the assets' URLs. */
@ControllerAdvice(basePackageClasses = PageModelAdvice.class)
public class PageModelAdvice {

    private static final Format FORMAT = new Format();

    private final NetworkParams params;
    private final StaticAssets assets;

    public PageModelAdvice(NetworkParams params, StaticAssets assets) {
        this.params = params;
        this.assets = assets;
    }

    @ModelAttribute("fmt")
    public Format fmt() {
        return FORMAT;
    }

    @ModelAttribute("network")
    public String network() {
        return params.network().name().toLowerCase(java.util.Locale.ROOT);
    }

    @ModelAttribute("assets")
    public StaticAssets assets() {
        return assets;
    }
}
