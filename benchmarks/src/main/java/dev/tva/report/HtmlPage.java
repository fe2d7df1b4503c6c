package dev.tva.report;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

import java.util.List;

/** index.html: the report's Markdown rendered by commonmark, in one page with its style inline: no server, no script, no CDN. */
final class HtmlPage {
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), HeadingAnchorExtension.create());
    private static final String STYLE = """
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; line-height: 1.5; color: #1f2328;
                   max-width: 1100px; margin: 2em auto; padding: 0 1.5em; }
            h1 { border-bottom: 2px solid #d0d7de; padding-bottom: .3em; }
            h2 { border-bottom: 1px solid #d0d7de; padding-bottom: .2em; margin-top: 2em; }
            table { border-collapse: collapse; margin: 1em 0; font-size: .92em; }
            th, td { border: 1px solid #d0d7de; padding: .35em .6em; vertical-align: top; text-align: left; }
            th { background: #f6f8fa; }
            tr:nth-child(even) td { background: #fbfbfc; }
            code { background: #eff1f3; padding: .1em .3em; border-radius: 4px; font-size: .9em; }
            img { max-width: 100%; height: auto; border: 1px solid #d0d7de; }
            a { color: #0969da; }
            """;

    private HtmlPage() {
    }

    static String render(String markdown) {
        Parser parser = Parser.builder().extensions(EXTENSIONS).build();
        HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).build();
        String body = renderer.render(parser.parse(markdown));
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" + ReportPage.TITLE + "</title>\n"
                + "<style>\n" + STYLE + "</style>\n</head>\n<body>\n" + body + "</body>\n</html>\n";
    }
}
