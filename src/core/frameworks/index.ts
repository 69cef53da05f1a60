import { quoteText } from '../answers';
import { Framework, keyQuestionsOf, Standard, standardsOf } from '../framework';
import { CRC_2018 } from './crc2018';
import { YJ_2018, YJ_2021 } from './youthJustice';

/** Every framework the add-on knows; adding one is adding its data here (docs/frameworks.md). */
export const FRAMEWORKS: readonly Framework[] = [CRC_2018, YJ_2018, YJ_2021];

export const DEFAULT_FRAMEWORK = CRC_2018;

/** "Known frameworks: crc-2018, yj-2018, yj-2021.": the sentence each unknown-framework error ends with. */
export function knownFrameworks(frameworks: readonly Framework[] = FRAMEWORKS): string {
  return `Known frameworks: ${frameworks.map((known) => known.id).join(', ')}.`;
}

export function frameworkById(id: string): Framework {
  const framework = FRAMEWORKS.find((candidate) => candidate.id === id);
  if (!framework) throw new Error(`Unknown framework "${quoteText(id)}". ${knownFrameworks()}`);
  return framework;
}

export { keyQuestionsOf, standardsOf };

/** A standard by id ("2.1"), or an error listing the framework's standards. */
export function findStandard(framework: Framework, standardId: unknown): Standard {
  const wanted = String(standardId ?? '').trim();
  const standard = standardsOf(framework).find((candidate) => candidate.id === wanted);
  if (!standard) {
    const ids = standardsOf(framework).map((candidate) => candidate.id).join(', ');
    throw new Error(`There is no standard "${quoteText(wanted)}" in ${framework.name}. Standards: ${ids}.`);
  }
  return standard;
}
