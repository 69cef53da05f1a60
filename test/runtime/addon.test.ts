import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadAddon } from '../../runtime/index';
import { FIXTURE_BUNDLE, FIXTURE_HTML } from './fixture';

function runtime() {
  return loadAddon({ code: FIXTURE_BUNDLE, htmlFiles: FIXTURE_HTML, addonName: 'Inspection Ratings' });
}

describe('loadAddon', () => {
  describe('the vm context', () => {
    it('gives the script no require, process, module, timers or Buffer', () => {
      expect(runtime().call('sandboxProbe')).toBe('undefined,undefined,undefined,undefined,undefined');
    });

    it('holds only the fake services, a recording console, and the script\'s own top-level names', () => {
      const rt = runtime();
      const globals = Object.keys(rt.context).filter((name) => !rt.functions.some((fn) => fn.name === name));
      expect(globals.sort()).toEqual(['Charts', 'HtmlService', 'LockService', 'Logger', 'PropertiesService', 'ScriptApp', 'Session', 'SpreadsheetApp', 'Utilities', 'console']);
    });

    it('is fresh for every load', () => {
      const first = runtime();
      first.context.leftover = true;
      expect(runtime().context.leftover).toBeUndefined();
    });

    it('records service calls made at the top level of the script, which docs/design.md forbids', () => {
      expect(runtime().loadCalls).toEqual([]);
      const eager = loadAddon({ code: `var NAME = SpreadsheetApp.getActive().getName();\nfunction name() { return NAME; }` });
      expect(eager.loadCalls).toEqual(['SpreadsheetApp.getActive', 'Spreadsheet.getName']);
    });

    it('reads Code.js and HTML files from a bundle directory', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-'));
      fs.writeFileSync(path.join(dir, 'Code.js'), FIXTURE_BUNDLE);
      fs.writeFileSync(path.join(dir, 'Sidebar.html'), '<p>from disk</p>');
      const rt = loadAddon({ bundleDir: dir });
      rt.call('showSidebar');
      expect(rt.ui.sidebars[0].content).toBe('<p>from disk</p>');
    });

    it('logs what the script writes to console and Logger', () => {
      const rt = loadAddon({ code: `function log() { console.log('cases: %s', 3); Logger.log({ done: true }); }` });
      rt.call('log');
      expect(rt.logs).toEqual([{ level: 'log', message: 'cases: 3' }, { level: 'log', message: '{"done":true}' }]);
    });
  });

  describe('menus and dialogs', () => {
    it('records the add-on menu onOpen builds, even in AuthMode.NONE', () => {
      const rt = runtime();
      rt.open('NONE');
      expect(rt.ui.menu()).toEqual({
        caption: 'Inspection Ratings',
        addon: true,
        items: [
          { caption: 'New inspection', functionName: 'writeAnswers' },
          { separator: true },
          { caption: 'Open sidebar', functionName: 'showSidebar' },
          { caption: 'Generate summaries', functionName: 'buildSummary' },
        ],
      });
    });

    it('refuses spreadsheet access in AuthMode.NONE, as Apps Script does before the add-on is used in a document', () => {
      expect(() => runtime().callAs('NONE', 'writeAnswers')).toThrow('You do not have permission to call SpreadsheetApp.getActive in AuthMode.NONE');
    });

    it('runs a menu item and records the sidebar it shows', () => {
      const rt = runtime();
      rt.install();
      rt.clickMenuItem('Open sidebar');
      expect(rt.ui.sidebars).toEqual([{ kind: 'sidebar', title: 'Inspection Ratings', content: FIXTURE_HTML.Sidebar, width: 0, height: 0 }]);
    });

    it('answers alerts with queued buttons, else the first button', () => {
      const rt = loadAddon({ code: `function ask() { var ui = SpreadsheetApp.getUi(); return [ui.alert('Replace?', 'Replace the tab?', ui.ButtonSet.YES_NO) === ui.Button.YES, ui.alert('Done')]; }` });
      rt.ui.answerNextAlert('NO');
      expect(rt.call('ask')).toEqual([false, 'OK']);
      expect(rt.ui.alerts.map((a) => a.response)).toEqual(['NO', 'OK']);
      expect(rt.ui.alerts[0]).toMatchObject({ title: 'Replace?', prompt: 'Replace the tab?', buttons: 'YES_NO' });
    });

    it('evaluates HTML templates with the variables the script sets, escaping <?= ?>', () => {
      const rt = loadAddon({
        code: `function page() { var t = HtmlService.createTemplateFromFile('Page'); t.name = '<b>Ann</b>'; return t.evaluate().getContent(); }`,
        htmlFiles: { Page: '<p><?= name ?></p><? for (var i = 0; i < 2; i++) { ?><i><?!= i ?></i><? } ?>' },
      });
      expect(rt.call('page')).toBe('<p>&lt;b&gt;Ann&lt;/b&gt;</p><i>0</i><i>1</i>');
    });
  });

  describe('runFromSidebar', () => {
    it('returns a copy of what the server function returns', () => {
      expect(runtime().runFromSidebar('getProgress')).toEqual({ cases: 2, complete: [true, false] });
    });

    it('refuses private functions and values google.script.run cannot carry', () => {
      const rt = runtime();
      expect(() => rt.runFromSidebar('secret_')).toThrow('secret_ is private');
      expect(() => rt.runFromSidebar('getLastRun')).toThrow('The result of getLastRun.when cannot pass through google.script.run');
      expect(() => rt.runFromSidebar('getProgress', new Date())).toThrow('Argument 1 of getProgress cannot pass through google.script.run');
    });
  });
});
