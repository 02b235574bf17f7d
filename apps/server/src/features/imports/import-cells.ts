/**
 * Cells as spreadsheets write them, turned into API values. Each parser answers the value, or
 * `undefined` for an empty cell (the API's default then applies), or an error message.
 */
export type Cell<T> = { ok: true; value: T | undefined } | { ok: false; code: string; message: string };

const truthy = new Set(['true', 'yes', 'y', '1', 'oui', 'ja', 'vrai', 'waar', 'wahr', 'x']);
const falsy = new Set(['false', 'no', 'n', '0', 'non', 'nee', 'faux', 'onwaar', 'falsch']);

/** true/false and their French, Dutch and German spellings (Excel writes VRAI/FAUX, WAAR/ONWAAR). */
export function booleanCell(raw: string): Cell<boolean> {
  const value = raw.trim().toLowerCase();
  if (value === '') return { ok: true, value: undefined };
  if (truthy.has(value)) return { ok: true, value: true };
  if (falsy.has(value)) return { ok: true, value: false };
  return {
    ok: false,
    code: 'INVALID_BOOLEAN',
    message: 'must be true or false (yes/no, oui/non, ja/nee, 1/0)',
  };
}

/** YYYY-MM-DD, or DD/MM/YYYY (also with - or .) as a Belgian spreadsheet shows dates; must exist. */
export function dateCell(raw: string): Cell<string> {
  const value = raw.trim();
  if (value === '') return { ok: true, value: undefined };
  let parts: [number, number, number] | undefined;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const local = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (iso) parts = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (local) parts = [Number(local[3]), Number(local[2]), Number(local[1])];
  if (parts) {
    const [year, month, day] = parts;
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day)
      return { ok: true, value: date.toISOString().slice(0, 10) };
  }
  return { ok: false, code: 'INVALID_DATE', message: 'must be a real date written YYYY-MM-DD or DD/MM/YYYY' };
}

/** A decimal number with `.` or `,` (a `;` file from Belgian Excel writes 50,8275). */
export function numberCell(raw: string): Cell<number> {
  const value = raw.trim();
  if (value === '') return { ok: true, value: undefined };
  if (!/^[+-]?(\d+([.,]\d+)?|[.,]\d+)$/.test(value))
    return { ok: false, code: 'INVALID_NUMBER', message: 'must be a number (e.g. 50.8275 or 50,8275)' };
  return { ok: true, value: Number(value.replace(',', '.')) };
}

/** Free text: trimmed, empty means "not given". */
export function textCell(raw: string): Cell<string> {
  const value = raw.trim();
  return { ok: true, value: value === '' ? undefined : value };
}
