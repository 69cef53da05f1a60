/**
 * "Download report (.docx)" (docs/report.md): a self-contained section of the sidebar, with a choice
 * of the draft report (the default) or the ratings panel's pack. The document builder is fetched from the server the first time it is asked for (it is large, and most visits
 * to the sidebar never need it), the report model in one server call, and the file is made here
 * and saved through a link: no Drive access, no new permission.
 */
import type { RatingsReport } from '../core/report';
import type { ReportKind } from '../report/document';
import { whileBusy } from './controls';
import { el, showMessage } from './dom';
import { reasonOf, server } from './server';

const LABEL = 'Download report (.docx)';

type Builder = { build(report: RatingsReport, kind: ReportKind): Promise<{ blob: Blob; fileName: string }> };

/** The documents to choose from, the default first. */
const KINDS: Array<{ kind: ReportKind; label: string; hint: string }> = [
  { kind: 'draft', label: 'Draft report', hint: 'To hand over: the published report\'s sections, the figures filled in, the places to write marked.' },
  { kind: 'panelPack', label: 'Panel pack', hint: 'For the ratings panel: boundary distances, intervals, case IDs and every data problem.' },
];

declare global {
  interface Window {
    InspectionReportDocument?: Builder;
  }
}

export class ReportDownload {
  private readonly section: HTMLElement;
  private readonly button: HTMLButtonElement;
  private readonly message: HTMLElement;
  private readonly choices: HTMLInputElement[];

  /** Adds the section at the end of the sidebar's main element, hidden until the workbook is set up. */
  constructor(parent: HTMLElement) {
    this.button = el('button', { className: 'action', attributes: { type: 'button', id: 'report-download', 'aria-describedby': 'report-hint' } }, LABEL);
    // Its status and alert regions exist, empty, from the sidebar's load: what is written later is announced.
    this.message = el(
      'div',
      { className: 'messages', attributes: { id: 'report-message' } },
      el('div', { className: 'message', attributes: { role: 'status' } }),
      el('div', { className: 'message', attributes: { role: 'alert' } }),
    );
    // A native radio group: one Tab stop, the arrow keys choose.
    this.choices = KINDS.map(({ kind }, index) => el('input', { attributes: { type: 'radio', name: 'report-kind', id: `report-kind-${kind}`, value: kind, 'aria-describedby': `report-kind-${kind}-hint`, ...(index === 0 ? { checked: '' } : {}) } }));
    const choice = el(
      'fieldset',
      { className: 'form-group' },
      el('legend', {}, 'Document'),
      ...KINDS.map(({ kind, label, hint }, index) =>
        el('div', { className: 'choice' }, this.choices[index], el('label', { attributes: { for: `report-kind-${kind}` } }, label), el('span', { className: 'hint', attributes: { id: `report-kind-${kind}-hint` } }, hint)),
      ),
    );
    this.section = el(
      'section',
      { className: 'block', attributes: { id: 'report', 'aria-labelledby': 'report-heading' } },
      el('h2', { attributes: { id: 'report-heading' } }, 'Inspection report'),
      el('p', { className: 'hint', attributes: { id: 'report-hint' } }, 'A Word document drafted from the workbook. Nothing is written to the workbook or to Drive.'),
      choice,
      this.button,
      this.message,
    );
    this.section.hidden = true;
    parent.append(this.section);
    this.button.addEventListener('click', () => void this.download());
  }

  render(isSetUp: boolean): void {
    this.section.hidden = !isSetUp;
  }

  private async builder(): Promise<Builder> {
    if (!window.InspectionReportDocument) {
      // The server sends an HTML file holding one <script> element (HtmlService serves HTML); its text is run here.
      const served = document.createElement('template');
      served.innerHTML = await server.getReportDocumentScript();
      const script = document.createElement('script');
      script.text = served.content.querySelector('script')?.text ?? '';
      document.head.append(script);
    }
    if (!window.InspectionReportDocument) throw new Error('The report builder did not load. Reload the sidebar and try again.');
    return window.InspectionReportDocument;
  }

  /** The button stays focusable while the report is built (a second press does nothing), and keeps focus after. */
  private async download(): Promise<void> {
    await whileBusy([this.button], async () => {
      showMessage(this.message, 'info', el('span', { className: 'spinner', attributes: { 'aria-hidden': 'true' } }), 'Building the report…');
      try {
        const [builder, report] = await Promise.all([this.builder(), server.getReportModel()]);
        const kind = (this.choices.find((input) => input.checked)?.value ?? 'draft') as ReportKind;
        const { blob, fileName } = await builder.build(report, kind);
        const url = URL.createObjectURL(blob);
        const link = el('a', { attributes: { href: url, download: fileName } });
        document.body.append(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
        showMessage(this.message, 'success', el('strong', {}, 'Report downloaded: '), fileName);
      } catch (error) {
        showMessage(this.message, 'error', el('strong', {}, 'No report. '), reasonOf(error));
      }
    });
  }
}
