/**
 * The report of File > Import, shown over the new draft once it is open: the file and the draft
 * it became, what the importer recognised (sources, citations, "Read also" items), what it left
 * out and what it decided (shared/import's report, one sentence each), and the draft's problems.
 * Nothing the importer dropped disappears unseen. A dialog the user dismisses (Escape, Close or
 * "Start editing"); the focus then goes back to the text.
 */
import type { ReactElement } from 'react';
import { bylineText } from '../../../shared/byline';
import { IMPORT_KIND_NAMES } from '../../../shared/import/types';
import type { ImportSummary } from '../../../shared/ipc/channels';
import { displayName } from '../api';
import { Dialog } from './Dialog';
import './ImportReport.css';

/** Properties of `ImportReportDialog`. */
export interface ImportReportDialogProps {
  /** The new draft's file name in the workspace. */
  readonly name: string;
  readonly report: ImportSummary;
  readonly onClose: () => void;
}

const count = (n: number, one: string, many = `${one}s`): string => `${String(n)} ${n === 1 ? one : many}`;

/** A titled list of sentences, or nothing when there are none. */
function Section({ title, items, className }: { readonly title: string; readonly items: readonly string[]; readonly className?: string }): ReactElement | null {
  if (items.length === 0) return null;
  return (
    <section className={`cd-import-section${className ? ` ${className}` : ''}`} aria-label={title}>
      <h3>
        {title} <span className="cd-muted">({String(items.length)})</span>
      </h3>
      <ul>
        {items.map((item, i) => (
          <li key={`${String(i)}:${item}`}>{item}</li>
        ))}
      </ul>
    </section>
  );
}

/** The import report dialog (see the module comment). */
export function ImportReportDialog({ name, report, onClose }: ImportReportDialogProps): ReactElement {
  const errors = report.problems.filter((p) => p.severity === 'error').length;
  const warnings = report.problems.length - errors;
  return (
    <Dialog title="Import report" description={`“${report.file}” (${IMPORT_KIND_NAMES[report.kind]}) is now the draft “${displayName(name)}”.`} onClose={onClose} className="cd-import-report">
      <section className="cd-import-section" aria-label="Recognised">
        <h3>Recognised</h3>
        <ul className="cd-import-counts">
          <li>{count(report.sources, 'source')}</li>
          <li>{count(report.citations, 'citation')}</li>
          <li>{count(report.readAlsoItems, '“Read also” item')}</li>
          {report.authors.length > 0 ? <li>{`Byline: ${bylineText(report.authors)}`}</li> : null}
        </ul>
      </section>
      <Section title="Left out" items={report.dropped} />
      <Section title="Decisions" items={report.notes} />
      <section className="cd-import-section" aria-label="Problems">
        <h3>
          Problems{' '}
          <span className="cd-muted">
            ({report.problems.length === 0 ? 'none' : `${count(errors, 'error')}, ${count(warnings, 'warning')}`})
          </span>
        </h3>
        {report.problems.length > 0 ? (
          <ul className="cd-problem-list">
            {report.problems.map((p, i) => (
              <li key={`${String(i)}:${p.message}`} className={`cd-problem cd-problem-${p.severity}`}>
                <span className="cd-problem-severity">{p.severity === 'error' ? 'Error' : 'Warning'}</span>
                <span className="cd-problem-message">{p.message}</span>
              </li>
            ))}
          </ul>
        ) : null}
        {report.problems.length > 0 ? <p className="cd-muted cd-import-hint">The Problems panel lists them too, and takes you to each one.</p> : null}
      </section>
      <div className="cd-dialog-actions">
        <button type="button" className="cd-button-primary" onClick={onClose} data-autofocus>
          Start editing
        </button>
      </div>
    </Dialog>
  );
}
