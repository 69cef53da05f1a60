/**
 * The public surface: every function Apps Script must see at the top level of the script.
 * The build turns each entry into a top-level `function NAME(…)` with its JSDoc.
 */
import { getBoundaryCases } from './addon/boundaryCases';
import { menuGenerateSummaries, menuNewInspection, onInstall, onOpen } from './addon/menu';
import { runQualityCheck } from './addon/qualityCheck';
import { getReportDocumentScript, getReportModel } from './addon/reportApi';
import { getSampleSetup, previewSampleDraw, runSampleDraw } from './addon/sampleDraw';
import { runReopen, runSignOff } from './addon/signOff';
import { getOverview, goToCell, recordPanelJudgement, runGenerateSummaries, runNewInspection, showSidebar } from './addon/sidebarApi';
import { KQ_SCORE } from './functions/kqScore';
import { MARKING_AGREEMENT } from './functions/markingAgreement';
import { OVERALL_RATING, OVERALL_SCORE } from './functions/overall';
import { PERCENT_INTERVAL } from './functions/percentInterval';
import { PROGRAMME_TABLE } from './functions/programmeTable';
import { RATE_STANDARD } from './functions/rateStandard';
import { RATING_BAND } from './functions/ratingBand';
import { RATING_EXPLAIN } from './functions/ratingExplain';
import { SAMPLE_BALANCE, SAMPLE_CASES } from './functions/sampling';
import { STANDARD_SCORE } from './functions/standardScore';
import { CHANGE_SIGNIFICANT, SAMPLE_SIZE } from './functions/statistics';
import { PROMPTS_TABLE, RATINGS_TABLE } from './functions/tables';

export const api = {
  RATING_BAND,
  KQ_SCORE,
  RATE_STANDARD,
  RATING_EXPLAIN,
  STANDARD_SCORE,
  OVERALL_SCORE,
  OVERALL_RATING,
  RATINGS_TABLE,
  PROMPTS_TABLE,
  CHANGE_SIGNIFICANT,
  SAMPLE_SIZE,
  SAMPLE_CASES,
  SAMPLE_BALANCE,
  MARKING_AGREEMENT,
  PROGRAMME_TABLE,
  PERCENT_INTERVAL,
  onOpen,
  onInstall,
  menuNewInspection,
  menuGenerateSummaries,
  showSidebar,
  getOverview,
  recordPanelJudgement,
  getBoundaryCases,
  goToCell,
  runNewInspection,
  runGenerateSummaries,
  getSampleSetup,
  previewSampleDraw,
  runSampleDraw,
  runQualityCheck,
  runSignOff,
  runReopen,
  getReportModel,
  getReportDocumentScript,
};

export type Api = typeof api;
