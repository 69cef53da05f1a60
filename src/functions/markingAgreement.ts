import { agreementByKeyQuestion } from '../core/agreement';
import { readCaseTable } from '../core/caseTable';
import { customFunction } from '../publicFunction';
import { CASES_PARAM } from './caseRange';
import { CellArg, CellResult } from './cells';

export const MARKING_AGREEMENT_HEADER = ['Key question', 'Cases checked', 'Agreements', 'Agreement', 'Kappa'];

export const MARKING_AGREEMENT = customFunction(
  {
    summary:
      "How often a quality lead's re-marking agrees with the inspectors': rows are paired by Case ID and, for every key question in both ranges, it counts the cases answered in both, the agreements, the agreement fraction and Cohen's kappa over Yes, No and N/A.",
    example: `MARKING_AGREEMENT('Case supervision'!A:CM, QA!A1:Z)`,
    params: [
      CASES_PARAM,
      { name: 'checks', type: 'A1:Z', description: "The re-marked cases with their header row: Case ID and key-question columns, e.g. QA!A1:Z." },
    ],
    returns: 'A table with a header row, one row per key question; kappa is blank where chance agreement is 1, agreement blank where no case is answered in both.',
  },
  (cases: CellArg, checks: CellArg): CellResult[][] => {
    const rows = agreementByKeyQuestion(readCaseTable(cases), readCaseTable(checks)).map(({ keyQuestionId, agreement }): CellResult[] => [
      keyQuestionId,
      agreement.checked,
      agreement.agreements,
      agreement.fraction ?? '',
      agreement.kappa ?? '',
    ]);
    return [MARKING_AGREEMENT_HEADER, ...rows];
  },
);
