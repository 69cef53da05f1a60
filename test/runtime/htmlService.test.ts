/**
 * HtmlService offline is as strict as Google's: what a script serves is parsed as HTML, so a file
 * that is not HTML (a raw script) comes back altered, while a script inside a <script> element,
 * the way Google's HTML Service best practices include one, comes back as it was written.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFragment, serialize } from 'parse5';
import { loadAddon } from '../../runtime/index';

const SCRIPT = 'if (a && b < c) { show("<div>ok</div>"); }';

function served(file: string, call: string): string {
  const rt = loadAddon({ code: `function serve() { return ${call}; }`, htmlFiles: { Builder: file } });
  return rt.call('serve');
}

describe('HtmlService, strict as Sheets', () => {
  it('alters a raw script served as HTML: its text is parsed as markup', () => {
    const content = served(SCRIPT, "HtmlService.createHtmlOutputFromFile('Builder').getContent()");
    // Written out by hand: & escaped as text, "<div>…</div>" read as an element, its quotes left as text.
    expect(content).toBe('if (a &amp;&amp; b &lt; c) { show("<div>ok</div>"); }');
    expect(content).not.toBe(SCRIPT);
  });

  it('keeps a script inside a <script> element exactly', () => {
    const file = `<script>${SCRIPT}</script>`;
    expect(served(file, "HtmlService.createHtmlOutputFromFile('Builder').getContent()")).toBe(file);
  });

  it("gives a template's raw content unprocessed (HtmlTemplate.getRawContent)", () => {
    expect(served(SCRIPT, "HtmlService.createTemplateFromFile('Builder').getRawContent()")).toBe(SCRIPT);
  });

  it('parses what createHtmlOutput, setContent, append and a template evaluate to', () => {
    const rt = loadAddon({
      code: `function built() {
        var output = HtmlService.createHtmlOutput('<p>one');
        var first = output.getContent();
        output.append('<p>two &');
        var template = HtmlService.createTemplate('<ul><li><?= item ?></ul>');
        template.item = 'x < y';
        return [first, output.getContent(), output.setContent('<b>bold').getContent(), template.evaluate().getContent()];
      }`,
    });
    expect(rt.call('built')).toEqual(['<p>one</p>', '<p>one</p><p>two &amp;</p>', '<b>bold</b>', '<ul><li>x &lt; y</li></ul>']);
  });

  it('parses a whole page as a document', () => {
    const page = '<!DOCTYPE html><html lang="en"><head><title>T</title></head><body><p>a<p>b</body></html>';
    expect(served(page, "HtmlService.createHtmlOutputFromFile('Builder').getContent()")).toBe(
      '<!DOCTYPE html><html lang="en"><head><title>T</title></head><body><p>a</p><p>b</p></body></html>',
    );
  });

  it('serves the Word report builder unchanged: dist/ReportDocument.html survives an HTML5 parse and re-serialisation', () => {
    const file = readFileSync(join(__dirname, '../../dist/ReportDocument.html'), 'utf8');
    expect(file.startsWith('<script>') && file.endsWith('</script>')).toBe(true);
    expect(serialize(parseFragment(file))).toBe(file);
    // As the sidebar fetches it, through the built add-on's server function and the runtime's HtmlService.
    expect(loadAddon().runFromSidebar('getReportDocumentScript')).toBe(file);
  });
});
