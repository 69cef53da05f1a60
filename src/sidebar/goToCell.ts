import { el, showMessage } from './dom';
import { host, reasonOf, server } from './server';

/**
 * Selects a cell in the sheet, then moves keyboard focus there (in Sheets it would stay in the
 * sidebar) and says what was selected; a failure is shown in the slot, focus staying put.
 */
export async function goToCell(slot: HTMLElement, target: { tab: string; row: number; column: number }, name: string): Promise<void> {
  try {
    await server.goToCell(target.tab, target.row, target.column);
    showMessage(slot, 'info', `Selected ${name}.`);
    host().editor.focus();
  } catch (error) {
    showMessage(slot, 'error', el('strong', {}, `Could not go to ${name}. `), reasonOf(error));
  }
}
