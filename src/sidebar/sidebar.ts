/**
 * The Inspection Ratings sidebar (docs/user-guide.md): reads the workbook's overview from the server and
 * shows progress, data problems, the panel judgement form and summary generation.
 */
import type { Overview } from '../addon/sidebarApi';
import { whileBusy } from './controls';
import { byId, el, fill, hideMessage, option, refill, showMessage } from './dom';
import { BoundaryCases } from './boundaryCases';
import { PanelForm } from './panelForm';
import { renderProblems } from './problems';
import { renderOverall, renderProgress, renderStatusProgress } from './progress';
import { QualityForm } from './qualityForm';
import { ReportDownload } from './reportDownload';
import { SampleForm } from './sampleForm';
import { SignOffForm } from './signOffForm';
import { reasonOf, server } from './server';
import { SummariesForm } from './summariesForm';

const panelForm = new PanelForm();
const boundaryCases = new BoundaryCases();
const summariesForm = new SummariesForm();
new SampleForm();
new QualityForm();
const signOffForm = new SignOffForm(() => refresh());
const refreshButton = byId<HTMLButtonElement>('refresh');
const reportDownload = new ReportDownload(document.querySelector('main')!);

function render(overview: Overview): void {
  refill(byId('framework-name'), overview.frameworkName);
  byId('setup').hidden = overview.isSetUp;
  const frameworks = byId<HTMLSelectElement>('setup-framework');
  if (JSON.stringify(Array.from(frameworks.options, (choice) => [choice.value, choice.text])) !== JSON.stringify(overview.frameworkChoices.map((choice) => [choice.id, choice.name]))) {
    fill(frameworks, ...overview.frameworkChoices.map((choice) => option(choice.id, choice.name, choice.id === overview.frameworkChoice)));
  }
  for (const id of ['progress', 'panel', 'sample', 'quality', 'summaries', 'sign-off']) byId(id).hidden = !overview.isSetUp;
  reportDownload.render(overview.isSetUp);
  // A Framework tab's problems show before set-up too: New inspection waits for them.
  byId('problems').hidden = !overview.isSetUp && overview.problemCount === 0;
  renderProblems(overview.problems, overview.problemCount);
  if (!overview.isSetUp) return;
  renderProgress(overview.progress);
  renderStatusProgress(overview.statusProgress);
  signOffForm.render(overview);
  renderOverall(overview.overall);
  panelForm.render(overview.panel, overview.recordedBy);
  void boundaryCases.show();
  summariesForm.render(overview.subSampleHeaders, overview.subSampleHeader);
}

/** Reads the workbook again; the Refresh button stays focusable throughout (it keeps focus). */
function refresh(): Promise<void> {
  return whileBusy([refreshButton], async () => {
    const main = document.querySelector('main');
    main?.setAttribute('aria-busy', 'true');
    hideMessage(byId('load-message'));
    try {
      render(await server.getOverview());
    } catch (error) {
      showMessage(byId('load-message'), 'error', el('strong', {}, 'Could not read the workbook. '), reasonOf(error));
    } finally {
      main?.setAttribute('aria-busy', 'false');
    }
  });
}

/** New inspection, then its result: focus moves to the message, as the Set up section may now be hidden. */
async function newInspection(): Promise<void> {
  const message = byId('setup-message');
  showMessage(message, 'info', el('span', { className: 'spinner', attributes: { 'aria-hidden': 'true' } }), 'Setting up the workbook…');
  try {
    const report = await server.runNewInspection(byId<HTMLSelectElement>('setup-framework').value || undefined);
    const lines = el('ul', { className: 'lines' }, ...report.lines.map((line) => el('li', {}, line)));
    if (report.setUp) showMessage(message, 'success', el('strong', {}, 'The workbook is set up.'), lines);
    else showMessage(message, 'error', el('strong', {}, 'Nothing set up: no case tab could be made. '), lines);
    await refresh();
  } catch (error) {
    showMessage(message, 'error', el('strong', {}, 'Not set up. '), reasonOf(error));
  }
  message.focus();
}

refreshButton.addEventListener('click', () => void refresh());
const newInspectionButton = byId<HTMLButtonElement>('new-inspection');
newInspectionButton.addEventListener('click', () => void whileBusy([newInspectionButton], newInspection));
void refresh();
