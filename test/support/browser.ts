/** Headless Debian Chromium for the browser tests (no browser downloads), and axe-core's check of a page. */
import { Browser, chromium, Frame, Page } from 'playwright-core';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--headless', '--disable-background-networking', '--disable-component-update', '--disable-gpu', '--no-first-run'],
  });
}

/** axe-core's violations of serious or critical impact on the page (or the sidebar's frame) as it is now: "rule: target…" lines. */
export async function seriousAxeViolations(page: Page | Frame): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}
