import { useTranslation } from 'react-i18next';
import { onssRemarkKey } from '../onss-remarks';

/** ONSS's remarks explained; the verbatim remark stays beside it, as ONSS's support quotes it. */
export function OnssRemarksList({ remarks }: { remarks: readonly string[] }) {
  const { t } = useTranslation();
  if (remarks.length === 0) return null;
  return (
    <ul className="list-disc space-y-1 pl-5">
      {remarks.map((remark) => {
        const key = onssRemarkKey(remark);
        return (
          <li key={remark}>
            {key ? (
              <>
                {t(`onss.remarks.${key}` as 'onss.remarks.relatedDimonaNotOk')}{' '}
                <span className="font-mono text-xs text-slate-600">({remark})</span>
              </>
            ) : (
              <span className="font-mono text-sm">{remark}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
