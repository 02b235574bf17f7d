import { useTranslation } from 'react-i18next';
import { SelectField } from '../select-field';

/** The "active" filter most lists have: all, active only, inactive only (`''`, `'true'`, `'false'`). */
export function ActiveFilter({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <SelectField
      label={label}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      options={[
        { value: '', label: t('list.all') },
        { value: 'true', label: t('list.active') },
        { value: 'false', label: t('list.inactive') },
      ]}
    />
  );
}
