/**
 * The Inspection Ratings sidebar (docs/user-guide.md): reads the workbook's overview from the server and
 * shows progress, data problems, the panel judgement form and summary generation.
 */
import type { Overview } from '../addon/sidebarApi';
import { byId, el, fill, hideMessage, option, showMessage } from './dom';
import { BoundaryCases } from './boundaryCases';
import { PanelForm } from './panelForm';
import { renderProblems } from './problems';
import { renderOverall, renderProgress } from './progress';
import { QualityForm } from './qualityForm';
import { SampleForm } from './sampleForm';
import { reasonOf, server } from './server';
import { SummariesForm } from './summariesForm';

const panelForm = new PanelForm();
const boundaryCases = new BoundaryCases();
const summariesForm = new SummariesForm();
new SampleForm();
new QualityForm();
const refreshButton = byId<HTMLButtonElement>('refresh');

function render(overview: Overview): void {
  fill(byId('framework-name'), overview.frameworkName);
  byId('setup').hidden = overview.isSetUp;
  fill(byId('setup-framework'), ...overview.frameworkChoices.map((choice) => option(choice.id, choice.name, choice.id === overview.frameworkChoice)));
  for (const id of ['progress', 'panel', 'sample', 'quality', 'summaries']) byId(id).hidden = !overview.isSetUp;
  // A Framework tab's problems show before set-up too: New inspection waits for them.
  byId('problems').hidden = !overview.isSetUp && overview.problemCount === 0;
  renderProblems(overview.problems, overview.problemCount);
  if (!overview.isSetUp) return;
  renderProgress(overview.progress);
  renderOverall(overview.overall);
  panelForm.render(overview.panel, overview.recordedBy);
  void boundaryCases.show();
  summariesForm.render(overview.subSampleHeaders, overview.subSampleHeader);
}

async function refresh(): Promise<void> {
  const main = document.querySelector('main');
  main?.setAttribute('aria-busy', 'true');
  refreshButton.disabled = true;
  hideMessage(byId('load-message'));
  try {
    render(await server.getOverview());
  } catch (error) {
    showMessage(byId('load-message'), 'error', el('strong', {}, 'Could not read the workbook. '), reasonOf(error));
  } finally {
    refreshButton.disabled = false;
    main?.setAttribute('aria-busy', 'false');
  }
}

async function newInspection(): Promise<void> {
  const button = byId<HTMLButtonElement>('new-inspection');
  const message = byId('setup-message');
  button.disabled = true;
  showMessage(message, 'info', el('span', { className: 'spinner', attributes: { 'aria-hidden': 'true' } }), 'Setting up the workbook…');
  try {
    const report = await server.runNewInspection(byId<HTMLSelectElement>('setup-framework').value || undefined);
    showMessage(message, 'success', el('strong', {}, 'The workbook is set up.'), el('ul', { className: 'lines' }, ...report.lines.map((line) => el('li', {}, line))));
    await refresh();
  } catch (error) {
    showMessage(message, 'error', el('strong', {}, 'Not set up. '), reasonOf(error));
  } finally {
    button.disabled = false;
  }
}

refreshButton.addEventListener('click', () => void refresh());
byId('new-inspection').addEventListener('click', () => void newInspection());
void refresh();
