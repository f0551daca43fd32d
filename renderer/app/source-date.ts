/**
 * What a source's date field says of its format (the Sources panel and the citation picker). A
 * source's date is free text, printed in its footnote exactly as written
 * (shared/sources/style.ts); the forms named here are the ones the importers read back as a
 * date (shared/import/source-text.ts), so the ones to prefer.
 */

/** The date field's placeholder. */
export const DATE_PLACEHOLDER = 'e.g. 12 March 2024';

/** The hint under the date field. */
export const DATE_HINT = 'Printed as written. Use a year (2024), 2024-03-12, 12 March 2024 or March 2024.';
