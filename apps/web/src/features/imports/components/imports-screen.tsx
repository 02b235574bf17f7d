import type { ImportKind, ImportReport } from '@ciao/domain';
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from '@ciao/domain';
import { useId, useRef, useState } from 'react';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSignedIn } from '../../../app/session-context';
import { Notice, ScreenHeader } from '../../../components/list';
import { PRIMARY_BUTTON, SECONDARY_BUTTON, TextField } from '../../../components/text-field';
import { useRunImport } from '../hooks/use-import';
import { LIST_PATH, fileRefusal, importableKinds, mebibytes, templateUrl } from '../import-file';
import type { FileRefusal } from '../import-file';
import { importFailure } from '../import-problems';
import type { ImportFailure } from '../import-problems';
import { ImportColumnsTable } from './import-columns-table';
import { ImportFailureMessage } from './import-failure-message';
import { ImportReportPanel } from './import-report-panel';

/** The file read in the browser; `id` changes with every choice, so a check belongs to one choice. */
interface ChosenFile {
  id: number;
  name: string;
  size: number;
  csv: string;
}

/** The last answer: a check or an import (its report), or why the file was refused. */
type Outcome =
  | { fileId: number; kind: ImportKind; report: ImportReport }
  | { fileId: number; kind: ImportKind; failure: Exclude<ImportFailure, { kind: 'report' }> };

const STEP = 'space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm';
const STEP_TITLE = 'text-lg font-semibold text-slate-900';
const MAX_MIB = mebibytes(IMPORT_MAX_BYTES);

/**
 * `/imports`: a new company's bulk onboarding from CSV files. The user picks a kind, downloads its
 * template, checks a file (dry run, nothing written) and imports it only once the check found no
 * problem in that same file; the server checks again and writes all or nothing.
 */
export function ImportsScreen() {
  const { t, i18n } = useTranslation();
  const session = useSignedIn();
  const kinds = importableKinds(session.capabilities);
  const [kind, setKind] = useState<ImportKind | undefined>(kinds[0]);
  const [file, setFile] = useState<ChosenFile>();
  const choices = useRef(0);
  const [fileError, setFileError] = useState<FileRefusal>();
  const [outcome, setOutcome] = useState<Outcome>();
  const [created, setCreated] = useState<{ kind: ImportKind; count: number }>();
  const run = useRunImport();
  const kindLegendId = useId();

  if (!kind) return null; // the route opens only with one of the write rights

  const forget = () => {
    setFile(undefined);
    setFileError(undefined);
    setOutcome(undefined);
  };

  // The file stays chosen (whoever picked it first then the kind keeps it); it is checked again.
  const chooseKind = (next: ImportKind) => {
    setKind(next);
    setCreated(undefined);
    setOutcome(undefined);
  };

  const chooseFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.target;
    const chosen = input.files?.[0];
    if (!chosen) return; // the picker was cancelled: the file chosen before stays
    const id = ++choices.current;
    setOutcome(undefined);
    setCreated(undefined);
    setFile(undefined);
    const refusal = fileRefusal(chosen);
    setFileError(refusal);
    if (refusal) return;
    let csv: string;
    try {
      csv = await chosen.text();
    } catch {
      // The file was moved or changed on disk while being read.
      if (id === choices.current) setFileError('UNREADABLE');
      return;
    }
    // A file chosen again meanwhile wins over this one, whichever is read first.
    if (id !== choices.current) return;
    setFile({ id, name: chosen.name, size: chosen.size, csv });
    // Emptied so that choosing the same file again, once corrected and saved, reads it again (a
    // browser sends no change event for the path already in the input); its name is shown below.
    input.value = '';
  };

  const send = (mode: 'dry-run' | 'apply') => {
    if (!file) return;
    setCreated(undefined);
    run.mutate(
      { kind, mode, csv: file.csv },
      {
        onSuccess: (report) => {
          if (mode === 'apply') {
            setCreated({ kind, count: report.created });
            forget();
          } else setOutcome({ fileId: file.id, kind, report });
        },
        onError: (error) => {
          const failure = importFailure(error);
          setOutcome(
            failure.kind === 'report'
              ? { fileId: file.id, kind, report: failure.report }
              : { fileId: file.id, kind, failure },
          );
        },
      },
    );
  };

  const current =
    outcome && file && outcome.fileId === file.id && outcome.kind === kind ? outcome : undefined;
  const checked = current && 'report' in current && current.report.valid ? current.report : undefined;

  return (
    <div className="space-y-6">
      <ScreenHeader title={t('imports.title')} intro={t('imports.intro')} />

      <section className={STEP} aria-labelledby={kindLegendId}>
        <fieldset className="space-y-3">
          <legend id={kindLegendId} className={STEP_TITLE}>
            {t('imports.steps.kind')}
          </legend>
          <p className="max-w-prose text-slate-700">{t('imports.order')}</p>
          <div className="grid gap-3 sm:grid-cols-3">
            {kinds.map((option) => (
              <label
                key={option}
                className="flex min-h-11 cursor-pointer gap-3 rounded-md border border-slate-300 p-3 has-checked:border-brand-700 has-checked:bg-brand-50"
              >
                <input
                  type="radio"
                  name="import-kind"
                  value={option}
                  checked={kind === option}
                  onChange={() => chooseKind(option)}
                  className="mt-1 size-4 shrink-0 accent-brand-700"
                />
                <span>
                  <span className="block font-semibold text-slate-900">
                    {t(`imports.kinds.${option}.name`)}
                  </span>
                  <span className="block text-sm text-slate-700">{t(`imports.kinds.${option}.why`)}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      </section>

      <section className={STEP} aria-labelledby={`${kindLegendId}-template`}>
        <h2 id={`${kindLegendId}-template`} className={STEP_TITLE}>
          {t('imports.steps.template')}
        </h2>
        <p className="max-w-prose text-slate-700">{t('imports.template.explain')}</p>
        <a href={templateUrl(kind)} download className={SECONDARY_BUTTON}>
          {t('imports.template.download', { file: `ciao-${kind}-template.csv` })}
        </a>
        <ul className="max-w-prose list-disc space-y-1 pl-5 text-sm text-slate-700">
          <li>{t('imports.template.format')}</li>
          <li>{t('imports.template.values')}</li>
        </ul>
        <ImportColumnsTable kind={kind} />
      </section>

      <section className={STEP} aria-labelledby={`${kindLegendId}-file`}>
        <h2 id={`${kindLegendId}-file`} className={STEP_TITLE}>
          {t('imports.steps.file')}
        </h2>
        <TextField
          label={t('imports.file.label')}
          hint={t('imports.file.hint', {
            maxMiB: MAX_MIB,
            maxRows: IMPORT_MAX_ROWS.toLocaleString(i18n.language),
          })}
          type="file"
          accept=".csv,text/csv"
          className="max-w-xl [&_input]:py-2"
          error={fileError && t(`imports.file.refused.${fileError}`, { maxMiB: MAX_MIB })}
          onChange={(event) => void chooseFile(event)}
        />
        <p aria-live="polite" className="text-slate-800">
          {file &&
            t('imports.file.chosen', {
              name: file.name,
              size: Math.max(1, Math.round(file.size / 1024)).toLocaleString(i18n.language),
            })}
        </p>
        <div className="flex flex-wrap gap-3">
          <button
            type="button"
            className={SECONDARY_BUTTON}
            disabled={!file || run.isPending}
            onClick={() => send('dry-run')}
          >
            {run.isPending && run.variables.mode === 'dry-run' ? t('imports.checking') : t('imports.check')}
          </button>
          <button
            type="button"
            className={`${PRIMARY_BUTTON} disabled:cursor-not-allowed disabled:opacity-50`}
            disabled={!checked || run.isPending}
            onClick={() => send('apply')}
          >
            {run.isPending && run.variables.mode === 'apply'
              ? t('imports.importing')
              : checked
                ? t('imports.apply', { count: checked.rowCount })
                : t('imports.applyUnchecked')}
          </button>
        </div>
        {!checked && <p className="text-sm text-slate-700">{t('imports.applyNeedsCheck')}</p>}
      </section>

      <div aria-live="polite" className="space-y-3">
        {current && 'report' in current && <ImportReportPanel report={current.report} />}
        {current && 'failure' in current && <ImportFailureMessage failure={current.failure} />}
      </div>
      <Notice message={created && t(`imports.kinds.${created.kind}.created`, { count: created.count })} />
      {created && (
        <Link to={LIST_PATH[created.kind]} className={PRIMARY_BUTTON}>
          {t(`imports.kinds.${created.kind}.see`)}
        </Link>
      )}
    </div>
  );
}
