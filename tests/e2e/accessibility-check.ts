/** The e2e suite's one axe check: no serious or critical violation, the whole list in the report. */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Where axe looks: only inside `include`, and never inside `exclude`. */
export interface AxeScope {
  readonly include?: string;
  readonly exclude?: readonly string[];
}

/** Runs axe on the page (or `scope`) and fails on any serious or critical violation, listing them. */
export async function expectNoSeriousViolations(page: Page, where: string, scope: AxeScope = {}): Promise<void> {
  let builder = new AxeBuilder({ page });
  if (scope.include !== undefined) builder = builder.include(scope.include);
  for (const selector of scope.exclude ?? []) builder = builder.exclude(selector);
  const { violations, passes } = await builder.analyze();
  // The whole list (minor and moderate ones too) goes into the report.
  await test.info().attach(`axe: ${where}`, { body: JSON.stringify(violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) })), null, 2), contentType: 'application/json' });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map((v) => `${v.impact ?? ''} ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n')}`).join('\n');
  expect(serious, `axe on ${where}:\n${report}`).toEqual([]);
  expect(passes.length, `axe checked something on ${where}`).toBeGreaterThan(3);
}
