import { columnLetter } from '../../src/core/a1';
import { CRC_2018 } from '../../src/core/frameworks/crc2018';
import { caseTabLayouts, PANEL_HEADER } from '../../src/core/workbook';
import { loadAddon, buildSpreadsheet } from '../../runtime';
import { newWorkbook, rowsByLabel, typeJudgements, typePublishedCases } from './support';

const FRAMEWORK_TABS = ['Case supervision', 'Unpaid work', 'Through the Gate'];

describe('addon › menu', () => {
  it('onOpen builds the add-on menu, with nothing run at the top level of the script', () => {
    const rt = loadAddon();
    expect(rt.loadCalls).toEqual([]);
    rt.open('NONE');
    expect(rt.ui.menu()).toEqual({
      caption: expect.any(String),
      addon: true,
      items: [
        { caption: 'New inspection', functionName: 'menuNewInspection' },
        { caption: 'Open sidebar', functionName: 'showSidebar' },
        { separator: true },
        { caption: 'Generate summaries', functionName: 'menuGenerateSummaries' },
      ],
    });
  });

  it('Open sidebar shows the built sidebar, titled', () => {
    const rt = loadAddon();
    rt.install();
    rt.clickMenuItem('Open sidebar');
    expect(rt.ui.sidebars).toHaveLength(1);
    expect(rt.ui.sidebars[0].title).toBe('Inspection Ratings');
    expect(rt.ui.sidebars[0].content).toContain('Generate summaries');
  });

  it('onInstall adds the menu at once', () => {
    const rt = loadAddon();
    rt.install();
    expect(rt.ui.menu()?.items).toHaveLength(4);
  });
});

describe('addon › New inspection', () => {
  const rt = newWorkbook();

  it('creates the workbook of docs/user-guide.md', () => {
    expect(rt.workbook.sheetNames()).toEqual(expect.arrayContaining(['Ratings', ...FRAMEWORK_TABS, 'Domain one', 'Panel', 'Comparison']));
  });

  it.each(caseTabLayouts(CRC_2018).map((layout) => [layout.name, layout]))('%s has metadata, then each key question\'s prompts and its judgement column', (name, layout) => {
    const header = rt.sheetValues(name)[0].filter((cell) => cell !== '').map(String);
    // From the framework's own definition, not the layout that wrote the tab: its metadata columns first,
    // then every counted key question of the tab's standards, in the framework's order.
    const tab = CRC_2018.caseTabs.find((candidate) => candidate.name === name)!;
    expect(header.slice(0, tab.metadata.length)).toEqual(tab.metadata.map((column) => column.header));
    const standards = CRC_2018.domains.flatMap((domain) => domain.standards).filter((standard) => standard.caseTab === name);
    const keyQuestions = standards.flatMap((standard) => standard.keyQuestions).filter((keyQuestion) => !keyQuestion.qualitative);
    const positions = keyQuestions.map((keyQuestion) => header.indexOf(`${keyQuestion.id} ${keyQuestion.text}`));
    expect(positions.every((position, index) => position >= tab.metadata.length && (index === 0 || position > positions[index - 1]))).toBe(true);
    const prompts = layout.standards.flatMap((standard) => standard.keyQuestions.flatMap((keyQuestion) => keyQuestion.prompts));
    for (const prompt of prompts) expect(header).toContain(`${prompt.id} ${prompt.text}`);
    expect(header.filter((cell) => / /.test(String(cell)) && /^\d/.test(String(cell)))).toHaveLength(header.length - layout.metadataCount - layout.freeText.length);
  });

  it('lays an evidence column beside each key question and a case summary last: free text that wraps, never counted (docs/user-guide.md)', () => {
    const header = rt.sheetValues('Case supervision')[0].map(String).filter((cell) => cell !== '');
    const keyQuestions = header.filter((cell) => /^\d+\.\d+\.\d+ /.test(cell)).map((cell) => cell.split(' ')[0]);
    for (const id of keyQuestions) expect(header[header.findIndex((cell) => cell.startsWith(`${id} `)) + 1]).toBe(`Evidence ${id}`);
    expect(header[header.length - 1]).toBe('Case summary');
    const evidence = header.indexOf('Evidence 2.1.1') + 1;
    const letter = columnLetter(evidence);
    expect(rt.workbook.format('Case supervision', `${letter}2`)).toMatchObject({ wrap: true });
    expect(rt.workbook.format('Case supervision', `${letter}2`).validation).toBeUndefined();
    // Typed evidence is neither an answer problem nor counted.
    rt.setCellValues('Case supervision', `${letter}2`, [['Assessment was thorough but late; see contact log 3 May.']]);
    const overview = rt.call<{ problems: Array<{ header: string }> }>('getOverview');
    expect(overview.problems.filter((problem) => problem.header.startsWith('Evidence'))).toEqual([]);
  });

  it("heads 2.1.1's prompt columns with Annex 4's words, before the key question's column", () => {
    // Annex 4, 2.1 Assessment, as printed (a curly apostrophe in the first, a straight one in the second).
    const annex4 = [
      '2.1.1(a) Does assessment analyse the service user’s motivation and readiness to engage and comply with the sentence?',
      "2.1.1(b) Does assessment analyse the service user's diversity and personal circumstances, and consider the impact these have on their ability to comply and engage with service delivery?",
      '2.1.1(c) Is the service user meaningfully involved in their assessment, and are their views taken into account?',
    ];
    const header = rt.sheetValues('Case supervision')[0].map(String);
    const at = header.indexOf(annex4[0]);
    expect(at).toBeGreaterThan(0);
    expect(header.slice(at, at + 4)).toEqual([...annex4, '2.1.1 Does assessment focus sufficiently on engaging the service user?']);
  });

  it('has every Annex 4 prompt somewhere, and no column for the qualitative 4.1.3', () => {
    const headers = FRAMEWORK_TABS.flatMap((tab) => rt.sheetValues(tab)[0].map(String));
    expect(headers.filter((header) => /^\d+\.\d+\.\d+\(/.test(header))).toHaveLength(76);
    expect(headers.some((header) => header.startsWith('4.1.3'))).toBe(false);
  });

  it('puts Yes/No/N/A dropdowns on answer cells and fixed-value dropdowns on metadata', () => {
    const header = rt.sheetValues('Case supervision')[0];
    const answerColumn = header.findIndex((cell) => String(cell).startsWith('2.1.1 ')) + 1;
    // The last row of the grid (room for 120 cases) carries the dropdown too.
    expect(rt.spreadsheet.getSheetByName('Case supervision')!.getMaxRows()).toBe(121);
    const validation = rt.workbook.format('Case supervision', `${letter(answerColumn)}121`).validation;
    expect(validation).toMatchObject({ criteria: 'VALUE_IN_LIST', values: [['Yes', 'No', 'N/A'], true] });
    const sentence = header.indexOf('Sentence type') + 1;
    expect(rt.workbook.format('Case supervision', `${letter(sentence)}2`).validation).toMatchObject({ values: [['Community', 'Licence'], true] });
    expect(rt.workbook.format('Case supervision', 'A2').validation).toBeUndefined();
  });

  it('freezes and warning-protects the header rows', () => {
    for (const tab of FRAMEWORK_TABS) {
      const sheet = rt.workbook.sheet(tab);
      expect(sheet.frozenRows).toBe(1);
      expect(sheet.protections).toEqual([expect.objectContaining({ type: 'RANGE', warningOnly: true })]);
    }
  });

  it('colours answers and bands by conditional formatting rules, not static colours', () => {
    rt.setCellValues('Case supervision', 'AB2', [['No']]);
    expect(rt.workbook.conditionalFormat('Case supervision', 'AB2')).toMatchObject({ background: '#fce8e6' });
    expect(rt.workbook.format('Case supervision', 'AB2').background).toBeUndefined();
    rt.setCellValues('Case supervision', 'AB2', [['']]);
    expect(rt.workbook.sheet('Ratings').conditionalFormats.map((rule) => rule.values[0])).toEqual(['Inadequate', 'Requires improvement', 'Good', 'Outstanding']);
  });

  it('lays out Domain one, Panel and Comparison one row per standard or question', () => {
    expect([...rowsByLabel(rt, 'Domain one').keys()].slice(1)).toEqual(['1.1', '1.2', '1.3', '1.4']);
    expect([...rowsByLabel(rt, 'Panel').keys()].slice(1)).toEqual(['2.1', '2.2', '2.3', '2.4', '4.1', '4.2']);
    const comparison = [...rowsByLabel(rt, 'Comparison').keys()].slice(1);
    expect(comparison).toContain('2.2.3');
    expect(comparison).toContain('4.2.3(c)');
    expect(comparison).toHaveLength(18 + 76);
  });
});

describe('addon › the Ratings tab is live', () => {
  const rt = newWorkbook();
  typePublishedCases(rt);
  typeJudgements(rt);
  const ratings = () => rowsByLabel(rt, 'Ratings');

  it('shows every published rating and 17/30, Good overall', () => {
    const rows = ratings();
    for (const [standard, rating] of Object.entries(require('../../examples/thames-valley-2019/figures.json').ratings)) {
      expect([standard, rows.get(standard)?.[2]]).toEqual([standard, rating]);
    }
    expect(rows.get('Overall score')?.slice(2, 4)).toEqual([17, 'out of 30']);
    expect(rows.get('Overall rating')?.[2]).toBe('Good');
    expect(rows.get('2.2')?.slice(2, 6)).toEqual(['Good', 2, 'Requires improvement', 'Panel: Requires improvement → Good']);
    expect(rows.get('4.2')?.slice(2, 6)).toEqual(['Outstanding', 3, 'Good', 'Panel: Good → Outstanding']);
  });

  it('recomputes when one answer changes', () => {
    // 2.1.1 is 65 of 100: turning one Yes to No makes 64%, Requires improvement.
    const sheet = rt.sheetValues('Case supervision');
    const column = sheet[0].findIndex((cell) => String(cell).startsWith('2.1.1 '));
    const row = sheet.findIndex((cells, index) => index > 0 && cells[column] === 'Yes');
    rt.setCellValues('Case supervision', `${letter(column + 1)}${row + 1}`, [['No']]);
    expect(ratings().get('2.1')?.[2]).toBe('Requires improvement');
    expect(ratings().get('Overall score')?.[2]).toBe(16);
    rt.setCellValues('Case supervision', `${letter(column + 1)}${row + 1}`, [['Yes']]);
    expect(ratings().get('Overall score')?.[2]).toBe(17);
  });

  it('shows why a panel move is refused, and ignores one without a rationale until it has one', () => {
    const panelRow = [...rowsByLabel(rt, 'Panel').keys()].indexOf('2.3') + 1;
    rt.setCellValues('Panel', `D${panelRow}`, [['Requires improvement', '']]);
    expect(rt.values('Panel', `H${panelRow}`)).toEqual([['Not applied: add a rationale']]);
    expect(ratings().get('2.3')?.[2]).toBe('Inadequate');
    rt.setCellValues('Panel', `E${panelRow}`, [['Close to the boundary']]);
    expect(ratings().get('2.3')?.[2]).toMatch(/^Error: The panel may not raise 2\.3 .*44%/);
    rt.setCellValues('Panel', `D${panelRow}`, [['', '']]);
    expect(ratings().get('2.3')?.[2]).toBe('Inadequate');
  });
});

describe('addon › New inspection is safe to run twice', () => {
  it('loses no filled cell and says what it did', () => {
    const rt = newWorkbook();
    typePublishedCases(rt);
    typeJudgements(rt);
    rt.setCellValues('Comparison', 'C2', [[0.74, 100, 0.68, 1200]]);
    const contents = (name: string) => {
      const values = rt.sheetValues(name);
      return rt.sheetFormulas(name).map((row, r) => row.map((formula, c) => formula || values[r][c]));
    };
    const before = new Map(rt.workbook.sheetNames().map((name) => [name, contents(name)]));
    const report = rt.call('runNewInspection') as { lines: string[] };
    for (const [name, cells] of before) {
      const after = contents(name);
      cells.forEach((row, r) => row.forEach((cell, c) => {
        if (cell !== '') expect([name, r + 1, c + 1, after[r][c]]).toEqual([name, r + 1, c + 1, cell]);
      }));
    }
    expect(report.lines).toEqual(expect.arrayContaining(['Case supervision: complete, nothing to add.', 'Panel: complete, nothing to add.']));
  });

  it('adds a column a user deleted, at the end, without moving data', () => {
    const rt = newWorkbook();
    typePublishedCases(rt);
    const header = rt.sheetValues('Case supervision')[0];
    const column = header.findIndex((cell) => String(cell).startsWith('2.4.3 ')) + 1;
    const data = rt.sheetValues('Case supervision').map((row) => row.slice(0, column - 1));
    rt.spreadsheet.getSheetByName('Case supervision')!.deleteColumn(column);
    const report = rt.call('runNewInspection') as { lines: string[] };
    expect(report.lines).toContain('Case supervision: added 1 missing column (2.4.3) after the existing ones; no case data was changed.');
    const after = rt.sheetValues('Case supervision');
    expect(after.map((row) => row.slice(0, column - 1))).toEqual(data);
    expect(String(after[0].filter((cell) => cell !== '').pop())).toMatch(/^2\.4\.3 /);
  });

  it("never replaces a user's own tab with a clashing name, and says so", () => {
    const rt = loadAddon({ spreadsheet: buildSpreadsheet({ sheets: { Panel: [['My panel notes'], ['keep me']] } }) });
    const report = rt.call('runNewInspection') as { lines: string[] };
    expect(rt.sheetValues('Panel').slice(0, 2).map((row) => row[0])).toEqual(['My panel notes', 'keep me']);
    expect(report.lines).toContain('Panel: a tab with this name already exists and was not made by Inspection Ratings, so it was left as it is. Rename it and run New inspection again.');
  });

  it('adopts an unmarked tab laid out as its own (an .xlsx import), keeping its data', () => {
    const panel = [PANEL_HEADER, [2.2, 'Planning', '', 'Good', 'Within 5 points of 65%']]; // an import reads 2.2 as a number
    const rt = loadAddon({ spreadsheet: buildSpreadsheet({ sheets: { Panel: panel } }) });
    const report = rt.call('runNewInspection') as { lines: string[] };
    expect(report.lines).toContain('Panel: recognised as an inspection tab; added 5 missing rows (2.1, 2.3, 2.4, 4.1, 4.2); existing rows were not changed.');
    // The user's judgement is kept; the indicative rating (the add-on's column) is live: no cases yet.
    expect(rt.sheetValues('Panel')[1].slice(0, 5)).toEqual([2.2, 'Planning', 'Not rated', 'Good', 'Within 5 points of 65%']);
  });

  it('completes a case tab that holds only some key questions (2.1 only), naming the columns it adds', () => {
    const data = [['Case ID', '2.1.1 Engaging?', '2.1.2 Desistance?', '2.1.3 Safety?'], ['C1', 'Yes', 'No', 'N/A']];
    const rt = loadAddon({ spreadsheet: buildSpreadsheet({ sheets: { 'Case supervision': data } }) });
    const report = rt.call('runNewInspection') as { lines: string[] };
    const line = report.lines.find((text) => text.startsWith('Case supervision: '));
    expect(line).toMatch(/^Case supervision: recognised as an inspection tab; added \d+ missing columns \(Inspector, .*2\.2\.1.*2\.4\.3.*\) after the existing ones; no case data was changed\.$/);
    const after = rt.sheetValues('Case supervision');
    expect(after[1].slice(0, 4)).toEqual(data[1]);
    expect(after[0].map(String)).toEqual(expect.arrayContaining(caseTabLayouts(CRC_2018)[0].headers.filter((header) => !/^2\.1\.[123] |^Case ID$/.test(header))));
  });

  it('says which columns a clashing case tab needs', () => {
    const rt = loadAddon({ spreadsheet: buildSpreadsheet({ sheets: { 'Unpaid work': [['Notes'], ['keep me']] } }) });
    const report = rt.call('runNewInspection') as { lines: string[] };
    expect(report.lines.find((text) => text.startsWith('Unpaid work: '))).toMatch(/not made by Inspection Ratings.*headed by their ids, e\.g\. "4\.1\.1 …" \(4\.1\.1, 4\.1\.2, 4\.1\.4\)\.$/);
  });

  it('refuses clearly while another run holds the document lock', () => {
    const rt = loadAddon();
    rt.locks.document.holdAsAnotherUser();
    expect(() => rt.call('runNewInspection')).toThrow(/already updating this spreadsheet/);
    expect(rt.workbook.sheetNames()).not.toContain('Panel');
  });
});

describe('addon › New inspection makes a fixed number of service calls', () => {
  it('whatever the number of rows the case tabs are prepared for', () => {
    const counts = [1000, 20000].map((maxRows) => {
      const rt = loadAddon({ spreadsheet: buildSpreadsheet({ maxRows }) });
      rt.counter.reset();
      rt.call('runNewInspection');
      return rt.counter.total;
    });
    expect(counts[0]).toBe(counts[1]);
  });
});

function letter(column: number): string {
  let letters = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}
