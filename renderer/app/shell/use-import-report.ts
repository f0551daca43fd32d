/**
 * Import report concern of the shell: after File > Import, the report waits until the new
 * draft's editor is up (and has the focus), then shows over it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportedDraft } from '../../../shared/ipc/channels';
import type { DocumentSession } from '../session/document-session';

/** The report to show (with the open draft it belongs to), and the ways to expect and dismiss it. */
export interface ImportReportState {
  /** The report of the open draft, or null. */
  readonly shown: ImportedDraft | null;
  /** Shows `imported`'s report once its draft is open; null forgets a pending one. */
  expect(imported: ImportedDraft | null): void;
  dismiss(): void;
}

/** The import report for the open `session`. */
export function useImportReport(session: DocumentSession | null): ImportReportState {
  const pending = useRef<ImportedDraft | null>(null);
  const [report, setReport] = useState<ImportedDraft | null>(null);
  // Runs after the new session's editor took the focus (children's effects run first).
  useEffect(() => {
    const waiting = pending.current;
    if (waiting && session?.name === waiting.name) {
      pending.current = null;
      setReport(waiting);
    }
  }, [session]);
  const expect = useCallback((imported: ImportedDraft | null) => {
    pending.current = imported;
  }, []);
  const dismiss = useCallback(() => setReport(null), []);
  return { shown: report && session?.name === report.name ? report : null, expect, dismiss };
}
